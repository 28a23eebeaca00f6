package dev.parley.chaos;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The simulated users and what they share: the cluster's ports, the history, and a lock that pauses
 * logins, logouts and takeovers while presence is being compared with the truth (the truth must hold still).
 */
final class Population {
    static final String PASSWORD = "chaos-pw-1";

    final ChaosCluster cluster;
    final History history;
    /** Read: a session is being opened or closed on purpose. Write: presence is being measured. */
    final ReadWriteLock sessionChanges = new ReentrantReadWriteLock(true);
    private volatile List<SimulatedUser> users = List.of();

    Population(ChaosCluster cluster, History history) {
        this.cluster = cluster;
        this.history = history;
    }

    void users(List<SimulatedUser> users) {
        this.users = List.copyOf(users);
    }

    List<SimulatedUser> users() {
        return users;
    }

    /** A random other user: online or not, on any node. */
    String someoneBut(String self, java.util.Random random) {
        while (true) {
            String u = users.get(random.nextInt(users.size())).name;
            if (!u.equals(self)) return u;
        }
    }

    /** Who has an open, logged-in session right now (by the clients' own account). */
    Set<String> online() {
        Set<String> out = new TreeSet<>();
        for (SimulatedUser u : users) if (u.isOnline()) out.add(u.name);
        return out;
    }
}
