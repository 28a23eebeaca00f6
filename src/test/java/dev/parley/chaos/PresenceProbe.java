package dev.parley.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;

/**
 * Compares presence with the truth: `who` asked on every node (through one observer user logged in on each)
 * and the shared presence hash in Redis must both list exactly the users whose clients hold a logged-in
 * session. Logins and logouts of the load are paused while it looks, so the truth holds still.
 */
final class PresenceProbe {
    private static final Duration WHO_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(6);

    private final Population population;
    private final RedisProbe redis;
    private final Duration bound;
    private final ChaosClient[] observers;

    PresenceProbe(Population population, Duration bound) {
        this.population = population;
        this.redis = new RedisProbe(population.cluster.redisPort());
        this.bound = bound;
        this.observers = new ChaosClient[population.cluster.size()];
    }

    static String observerName(int node) {
        return "obs" + node;
    }

    /** Waits until presence equals the truth everywhere; records the time since {@code healedAt} (or the last difference). */
    void measure(String afterFault, long healedAt) throws InterruptedException {
        measure(afterFault, healedAt, -1);
    }

    /** The same with node {@code down} dead: only the survivors and Redis are compared with the truth. */
    void measure(String afterFault, long healedAt, int down) throws InterruptedException {
        Lock lock = population.sessionChanges.writeLock();
        lock.lockInterruptibly();
        try {
            long from = Math.max(healedAt, History.now()); // the truth holds still only from here
            long deadline = from + bound.toMillis();
            String difference = "not looked";
            while (true) {
                difference = difference(down);
                if (difference == null) {
                    population.history.convergence(new History.Convergence(afterFault, History.now() - from, true, null));
                    break;
                }
                if (History.now() > deadline) {
                    population.history.convergence(new History.Convergence(afterFault, History.now() - from, false, difference));
                    break;
                }
                Thread.sleep(100); // polling presence, bounded by the deadline
            }
            sampleKeys();
        } finally {
            lock.unlock();
        }
    }

    void sampleKeys() {
        try {
            population.history.keyCounts(redis.keyCounts());
        } catch (IOException redisAway) {
            // no sample this time
        }
    }

    void closeObservers() {
        for (ChaosClient o : observers) if (o != null) o.close();
    }

    /** Null when every node and Redis agree with the truth; otherwise what differs. */
    private String difference(int down) {
        Set<String> truth = new TreeSet<>(population.online());
        for (int i = 0; i < observers.length; i++) {
            if (i != down && observer(i) != null) truth.add(observerName(i));
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < observers.length; i++) {
            if (i == down) continue;
            ChaosClient o = observers[i];
            if (o == null) {
                wrong.add("node " + i + ": no observer logged in");
                continue;
            }
            Set<String> who = who(o);
            if (!truth.equals(who)) wrong.add("node " + i + " who " + diff(truth, who));
        }
        try {
            Set<String> stored = redis.presentUsers();
            if (!truth.equals(stored)) wrong.add("redis presence " + diff(truth, stored));
        } catch (IOException e) {
            wrong.add("redis: " + e.getMessage());
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    private ChaosClient observer(int node) {
        ChaosClient o = observers[node];
        if (o != null && o.isOpen()) return o;
        observers[node] = null;
        try {
            ChaosClient c = ChaosClient.connect(population.cluster.port(node), node, population.history);
            if (c.login(observerName(node), Population.PASSWORD, LOGIN_TIMEOUT)) observers[node] = c;
        } catch (IOException down) {
            // not this time
        }
        return observers[node];
    }

    private static Set<String> who(ChaosClient o) {
        Set<String> users = new TreeSet<>();
        try {
            JsonNode r = o.request(ChaosClient.op("who"), WHO_TIMEOUT);
            if (!r.path("ok").asBoolean()) return Set.of("(who failed: " + r.path("error").path("code").asText() + ")");
            for (JsonNode u : r.path("online")) users.add(u.path("user").asText());
        } catch (TimeoutException | ChaosClient.Closed e) {
            return Set.of("(no answer)");
        }
        return users;
    }

    private static String diff(Set<String> truth, Set<String> seen) {
        Set<String> ghosts = new TreeSet<>(seen);
        ghosts.removeAll(truth);
        Set<String> missing = new TreeSet<>(truth);
        missing.removeAll(seen);
        return "ghosts " + ghosts + " missing " + missing;
    }
}
