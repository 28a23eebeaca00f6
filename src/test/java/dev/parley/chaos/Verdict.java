package dev.parley.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@link HistoryChecker} found: the broken promises (at most the first 50 kept) and the run's figures. */
final class Verdict {
    private static final int KEPT = 50;

    final List<String> violations = new ArrayList<>();
    int violationCount;
    int privateAcked;
    int privateLost;
    int privateDuplicated;
    int privateExtraDeliveries;
    int privateDeliveredUnacked;
    int groupAcked;
    int groupChecked;
    int anonymousSent;
    int maxKeys;
    /** node_left/node_dead/node_joined lines in the nodes' logs (each node logs its own view; injected or from overload). */
    int membershipEvents;
    final List<Long> convergenceMillis = new ArrayList<>();
    final Map<String, Integer> faultsByKind = new TreeMap<>();

    void violation(String what) {
        violationCount++;
        if (violations.size() < KEPT) violations.add(what);
    }

    boolean ok() {
        return violationCount == 0;
    }

    long convergencePercentile(double p) {
        if (convergenceMillis.isEmpty()) return -1;
        List<Long> sorted = convergenceMillis.stream().sorted().toList();
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    String summary() {
        return "faults by kind: " + faultsByKind + "; membership changes logged by the nodes: " + membershipEvents
                + "\nprivate messages acknowledged: " + privateAcked + ", lost: " + privateLost
                + ", duplicated: " + privateDuplicated + " (" + privateExtraDeliveries + " extra copies, all with their id)"
                + ", delivered without an ok: " + privateDeliveredUnacked
                + "\ngroup messages acknowledged: " + groupAcked + ", (message, member online throughout) pairs checked: "
                + groupChecked
                + "\nrequests before login (must never be delivered): " + anonymousSent
                + "\npresence convergence after faults: " + convergenceMillis.size() + " measured, p50 "
                + convergencePercentile(0.5) + " ms, max " + convergencePercentile(1.0) + " ms"
                + "\nmost Redis keys at once: " + maxKeys
                + "\nviolations: " + violationCount + (violations.isEmpty() ? "" : "\n  " + String.join("\n  ", violations));
    }
}
