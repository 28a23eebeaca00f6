package dev.parley.bench;

/**
 * Scenario 5: the fan-out and private scenarios with users spread over several nodes, so that
 * senders and receivers sit on different nodes. Fan-out members go round robin over the targets
 * (with n nodes, (n-1)/n of the deliveries cross nodes); of the private pairs, the even ones have
 * both users on one node and the odd ones have them on two neighbouring nodes. Each phase reports
 * its latency split into same-node and cross-node, and its lost/duplicated counts, which must be 0.
 */
final class ClusterScenario {
    private final BenchOptions o;
    private final Generator g;

    ClusterScenario(BenchOptions o, Generator g) {
        this.o = o;
        this.g = g;
    }

    BenchResult run() {
        int n = g.nodes();
        BenchResult r = new BenchResult("cluster").param("nodes", n).param("targets", o.targets.toString());
        g.assign(o::roundRobin);
        System.err.println("  cluster: fan-out phase, " + o.members + " members round robin over " + n + " nodes");
        r.include("fanout: ", RoomTraffic.fanout(o, g));
        // Pair p: its first user on node p mod n; its second on the same node (even p) or the next (odd p).
        g.assign(i -> {
            int p = i / 2;
            int first = p % n;
            return (i % 2 == 0 || p % 2 == 0) ? first : (first + 1) % n;
        });
        g.call(() -> g.sleep(1000), 10);
        System.err.println("  cluster: private phase, " + o.pairs + " pairs, half of them across two nodes");
        r.include("private: ", new PrivateScenario(o, g, o.pairRate).run());
        g.assign(o::roundRobin);
        return r;
    }
}
