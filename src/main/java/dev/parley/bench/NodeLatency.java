package dev.parley.bench;

/**
 * A latency histogram and, for runs over several nodes, the same samples split into same-node and
 * cross-node ones (the two ends of the measured path on one node, or on two).
 */
final class NodeLatency {
    final LatencyHistogram all = new LatencyHistogram();
    private final LatencyHistogram sameNode = new LatencyHistogram();
    private final LatencyHistogram crossNode = new LatencyHistogram();

    void record(boolean crossesNodes, long nanos) {
        all.record(nanos);
        (crossesNodes ? crossNode : sameNode).record(nanos);
    }

    /** "<name> p50/p99/p99.9/max"; with {@code split}, also per side: "same-node <counted> measured", "same-node <name> p50", ... */
    void report(BenchResult r, String name, String counted, boolean split) {
        r.metric(name + " p50", all.percentileMillis(50), "ms")
                .metric(name + " p99", all.percentileMillis(99), "ms")
                .metric(name + " p99.9", all.percentileMillis(99.9), "ms")
                .metric(name + " max", all.maxNanos() / 1e6, "ms");
        if (!split) return;
        for (String side : new String[]{"same-node", "cross-node"}) {
            LatencyHistogram h = side.equals("same-node") ? sameNode : crossNode;
            r.metric(side + " " + counted + " measured", h.count(), "")
                    .metric(side + " " + name + " p50", h.percentileMillis(50), "ms")
                    .metric(side + " " + name + " p99", h.percentileMillis(99), "ms")
                    .metric(side + " " + name + " p99.9", h.percentileMillis(99.9), "ms");
        }
    }
}
