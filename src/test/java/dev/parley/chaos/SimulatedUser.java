package dev.parley.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.chaos.History.Attempt;
import dev.parley.chaos.History.Kind;
import dev.parley.chaos.History.Request;
import dev.parley.chaos.History.Result;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/**
 * One user of the load, on its own thread: sends private messages (with cids, to anyone, online or not)
 * and group messages, logs out and in again, takes its session over from another node, and now and then
 * sends before logging in. Like the console client it reconnects when its connection drops, logs in
 * again and retries the same request with the same cid.
 */
final class SimulatedUser implements Runnable {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(6);
    /** Attempts per request (as the console client, which gives up after a while and tells its user). */
    private static final int MAX_ATTEMPTS = 6;
    /**
     * Retries go on at least this long: past the server's 10 s cid lease, so that a retry of an attempt whose
     * node died gets to take it over (before that it is answered UNAVAILABLE).
     */
    private static final long RETRY_PATIENCE_MS = 15_000;
    private static final long MAX_BACKOFF_MS = 2_000;

    final String name;
    private final Population population;
    private final Random random;
    private final long stopAt;
    private final AtomicBoolean cutNext = new AtomicBoolean();
    private final int[] weights;
    private volatile ChaosClient session;
    private int node;
    private int seq;

    /** @param weights relative odds of: private, group, logout, takeover, send before login */
    SimulatedUser(String name, int homeNode, Population population, long seed, long stopAt, int[] weights) {
        this.name = name;
        this.node = homeNode;
        this.population = population;
        this.random = new Random(seed);
        this.stopAt = stopAt;
        this.weights = weights.clone();
    }

    boolean isOnline() {
        ChaosClient s = session;
        return s != null && s.isOpen() && s.user() != null;
    }

    /** The fault "client connection cut mid-request": the next request is sent, then the socket reset. */
    void cutNextRequest() {
        cutNext.set(true);
    }

    @Override
    public void run() {
        try {
            while (History.now() < stopAt && !Thread.currentThread().isInterrupted()) {
                switch (pick()) {
                    case 0 -> send(Kind.PRIVATE, population.someoneBut(name, random));
                    case 1 -> send(Kind.GROUP, null);
                    case 2 -> logoutAndRest();
                    case 3 -> takeOver();
                    default -> sendBeforeLogin();
                }
                pause(50 + random.nextInt(250));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the load: a fresh login (on any node) so the mailbox is delivered; false if no node took it. */
    boolean loginAgain(long until) throws InterruptedException {
        close();
        node = random.nextInt(population.cluster.size());
        while (!isOnline() && History.now() < until) {
            if (!connect()) pause(200);
        }
        return isOnline();
    }

    void close() {
        ChaosClient s = session;
        if (s != null) s.close();
    }

    private int pick() {
        int total = 0;
        for (int w : weights) total += w;
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            if ((r -= weights[i]) < 0) return i;
        }
        return 0;
    }

    private void send(Kind kind, String to) throws InterruptedException {
        String cid = name + (kind == Kind.PRIVATE ? "-p" : "-g") + (++seq);
        String text = (kind == Kind.PRIVATE ? "pm " : "gm ") + cid;
        population.history.request(new Request(cid, kind, name, to, text, History.now()));
        ObjectNode body = kind == Kind.PRIVATE
                ? ChaosClient.op("msg", "to", to, "text", text, "cid", cid)
                : ChaosClient.op("say", "text", text, "cid", cid);
        long backoff = 100;
        long first = History.now();
        for (int attempt = 0; (attempt < MAX_ATTEMPTS || History.now() - first < RETRY_PATIENCE_MS) && History.now() < stopAt;
             attempt++) {
            if (!isOnline() && !connect()) {
                pause(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                continue;
            }
            if (attempt(cid, body)) return;
            pause(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    /** One try; true when it is settled (ok, or an error that a retry would not change). */
    private boolean attempt(String cid, ObjectNode body) {
        ChaosClient s = session;
        long sentAt = History.now();
        if (cutNext.getAndSet(false)) {
            s.sendAndCut(body.deepCopy());
            population.history.fault(new History.Fault("client cut mid-request", History.CLIENT, sentAt, sentAt, false));
            record(cid, s, Result.CUT, null, null, false, sentAt);
            return false;
        }
        try {
            JsonNode r = s.request(body.deepCopy(), REPLY_TIMEOUT);
            if (r.path("ok").asBoolean()) {
                record(cid, s, Result.OK, null, r.path("id").asText(), r.path("stored").asBoolean(), sentAt);
                return true;
            }
            String code = r.path("error").path("code").asText();
            record(cid, s, Result.ERROR, code, null, false, sentAt);
            return !Set.of("UNAVAILABLE", "INTERNAL", "NOT_LOGGED_IN").contains(code);
        } catch (TimeoutException e) {
            record(cid, s, Result.TIMEOUT, null, null, false, sentAt);
            s.cut(); // as the console client: an unanswered connection is dropped and made again
            return false;
        } catch (ChaosClient.Closed e) {
            record(cid, s, Result.CUT, e.getMessage(), null, false, sentAt);
            return false;
        }
    }

    private void record(String cid, ChaosClient s, Result result, String code, String id, boolean stored, long sentAt) {
        population.history.attempt(new Attempt(cid, s.sessionId, s.node, result, code, id, stored, sentAt, History.now()));
    }

    /** Connects and logs in, preferring the node it was on; after a failure the next try goes to another node. */
    private boolean connect() throws InterruptedException {
        Lock lock = population.sessionChanges.readLock();
        lock.lockInterruptibly();
        try {
            ChaosClient old = session;
            if (old != null) old.close();
            try {
                ChaosClient c = ChaosClient.connect(population.cluster.port(node), node, population.history);
                if (c.login(name, Population.PASSWORD, LOGIN_TIMEOUT)) {
                    session = c;
                    return true;
                }
            } catch (IOException refused) {
                // the node is down: try another next time
            }
            node = (node + 1 + random.nextInt(population.cluster.size() - 1)) % population.cluster.size();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void logoutAndRest() throws InterruptedException {
        Lock lock = population.sessionChanges.readLock();
        lock.lockInterruptibly();
        try {
            ChaosClient s = session;
            if (s != null && s.isOpen()) {
                try {
                    s.request(ChaosClient.op("logout"), REPLY_TIMEOUT);
                } catch (TimeoutException | ChaosClient.Closed e) {
                    // leaving anyway
                }
                s.close();
            }
        } finally {
            lock.unlock();
        }
        pause(500 + random.nextInt(3000)); // offline for a while: messages to this user go to the mailbox
        node = random.nextInt(population.cluster.size());
        connect();
    }

    /** The same user logs in on another node; the old session is told bye REPLACED and closed by the server. */
    private void takeOver() throws InterruptedException {
        Lock lock = population.sessionChanges.readLock();
        lock.lockInterruptibly();
        try {
            int other = (node + 1 + random.nextInt(population.cluster.size() - 1)) % population.cluster.size();
            try {
                ChaosClient c = ChaosClient.connect(population.cluster.port(other), other, population.history);
                if (c.login(name, Population.PASSWORD, LOGIN_TIMEOUT)) {
                    ChaosClient old = session;
                    session = c;
                    node = other;
                    // The server closes the old one (bye REPLACED); if that never comes, the client does.
                    if (old != null) {
                        CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(old::close);
                    }
                }
            } catch (IOException refused) {
                // that node is down: no takeover this time
            }
        } finally {
            lock.unlock();
        }
    }

    /** A message sent on a connection that never logged in: it must be refused and never delivered. */
    private void sendBeforeLogin() {
        String cid = name + "-a" + (++seq);
        String text = "anon " + cid;
        String to = population.someoneBut(name, random);
        population.history.request(new Request(cid, Kind.ANONYMOUS, name, to, text, History.now()));
        int n = random.nextInt(population.cluster.size());
        long sentAt = History.now();
        try (ChaosClient c = ChaosClient.connect(population.cluster.port(n), n, population.history)) {
            JsonNode r = c.request(ChaosClient.op("msg", "to", to, "text", text, "cid", cid),
                    REPLY_TIMEOUT);
            population.history.attempt(new Attempt(cid, c.sessionId, n, r.path("ok").asBoolean() ? Result.OK : Result.ERROR,
                    r.path("error").path("code").asText(null), r.path("id").asText(null), false, sentAt, History.now()));
        } catch (IOException | TimeoutException | ChaosClient.Closed e) {
            // the node is down or frozen: nothing was sent
        }
    }

    private void pause(long millis) throws InterruptedException {
        Thread.sleep(millis); // think time and retry backoff: the load's pace, not synchronisation
    }
}
