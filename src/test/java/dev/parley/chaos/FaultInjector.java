package dev.parley.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Injects one fault at a time, every few seconds, until its deadline; after each, once the fault is healed,
 * has presence measured against the truth. Kinds come in shuffled rounds, so even a short run sees each.
 */
final class FaultInjector {
    enum Kind {
        KILL_NODE("kill -9 node, restart on its ports"),
        PAUSE_SHORT("SIGSTOP node shorter than the death bound"),
        PAUSE_LONG("SIGSTOP node longer than the death bound"),
        REDIS_RESTART("Redis restart (AOF)"),
        REDIS_PAUSE("SIGSTOP Redis"),
        CLIENT_CUTS("client connections cut mid-request");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final ChaosCluster cluster;
    private final Population population;
    private final PresenceProbe presence;
    private final Random random;
    private final List<Kind> round = new ArrayList<>();
    private final long minGapMs;
    private final long maxGapMs;
    private final Set<Kind> kinds;
    private boolean first = true;

    FaultInjector(ChaosCluster cluster, Population population, PresenceProbe presence, long seed, long minGapMs, long maxGapMs,
                  Set<Kind> kinds) {
        this.kinds = Set.copyOf(kinds);
        this.minGapMs = minGapMs;
        this.maxGapMs = maxGapMs;
        this.cluster = cluster;
        this.population = population;
        this.presence = presence;
        this.random = new Random(seed);
    }

    /** Faults until {@code stopAt} (a fault under way is finished and healed). */
    void run(long stopAt) throws Exception {
        while (History.now() < stopAt) {
            Thread.sleep(between(minGapMs, maxGapMs)); // the gap between faults: load, not synchronisation
            if (History.now() >= stopAt) break;
            Kind kind = next();
            long healedAt = inject(kind);
            presence.measure(kind.label, healedAt);
            for (int i = 0; i < cluster.size(); i++) cluster.awaitReady(i);
        }
    }

    private Kind next() {
        if (round.isEmpty()) {
            for (Kind k : Kind.values()) if (kinds.contains(k)) round.add(k);
            Collections.shuffle(round, random);
            // A freeze past the death bound (a split and merge, the cause of the last bugs) comes first, then the
            // kill that issue 16 was about: the freeze is over in about 20 s, so even a short run on a loaded
            // machine starts the kill too, while the slow kill first (a JVM start) left no time for the freeze.
            if (first) {
                first = false;
                for (Kind k : List.of(Kind.KILL_NODE, Kind.PAUSE_LONG)) {
                    if (round.remove(k)) round.add(k);
                }
            }
        }
        return round.remove(round.size() - 1);
    }

    /** Injects and heals one fault; returns when it was healed. */
    private long inject(Kind kind) throws Exception {
        int node = random.nextInt(cluster.size());
        long start = History.now();
        int faultNode = node;
        switch (kind) {
            case KILL_NODE -> {
                cluster.kill(node);
                // While it is dead: its users must leave presence on the survivors (cluster.md: about 0.5 s).
                presence.measure("node killed (survivors, before restart)", History.now(), node);
                Thread.sleep(between(200, 3_000));
                cluster.restart(node);
            }
            case PAUSE_SHORT -> pause(node, between(500, ChaosCluster.NODE_TIMEOUT_SECONDS * 1000L - 1_500));
            case PAUSE_LONG -> pause(node, between(ChaosCluster.NODE_TIMEOUT_SECONDS * 1000L + 1_000,
                    ChaosCluster.NODE_TIMEOUT_SECONDS * 1000L + 5_000));
            case REDIS_RESTART -> {
                faultNode = History.REDIS;
                cluster.restartRedis();
            }
            case REDIS_PAUSE -> {
                faultNode = History.REDIS;
                cluster.signalRedis("STOP");
                try {
                    Thread.sleep(between(500, 4_000));
                } finally {
                    cluster.signalRedis("CONT");
                }
            }
            case CLIENT_CUTS -> {
                faultNode = History.CLIENT;
                List<SimulatedUser> users = new ArrayList<>(population.users());
                Collections.shuffle(users, random);
                for (SimulatedUser u : users.subList(0, Math.min(3, users.size()))) u.cutNextRequest();
            }
        }
        long healed = History.now();
        // Each cut records itself when it happens; the other faults are recorded here, with their span.
        // Redis serves every node. A member that leaves or joins can split the others for a while (cluster.md),
        // but that shows in the nodes' logs (MembershipLog), where and when it really happened.
        boolean clusterWide = faultNode == History.REDIS;
        if (kind != Kind.CLIENT_CUTS) population.history.fault(new History.Fault(kind.label, faultNode, start, healed, clusterWide));
        return healed;
    }

    private void pause(int node, long millis) throws Exception {
        cluster.signal(node, "STOP");
        try {
            Thread.sleep(millis); // how long the node stays frozen is the fault itself
        } finally {
            cluster.signal(node, "CONT");
        }
    }

    private long between(long low, long high) {
        return low + (long) (random.nextDouble() * (high - low));
    }
}
