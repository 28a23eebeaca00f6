package dev.parley.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Membership changes the nodes themselves logged (audit events node_left, node_dead, node_joined), injected or
 * not: on two loaded cores a busy member can be declared dead with nobody having touched it, and a member
 * leaving or joining can split the others for a while; group messages do not cross a split (cluster.md).
 * The checker must know those windows: from the death bound before each event to the group settle time after.
 */
final class MembershipLog {
    private MembershipLog() {
    }

    /** @param before how long a member was silent before the others declared it gone (the death bound) */
    static List<History.Fault> read(List<Path> nodeLogs, long before) {
        List<History.Fault> out = new ArrayList<>();
        for (Path log : nodeLogs) {
            try (Stream<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
                lines.filter(l -> l.contains("audit - node_left ") || l.contains("audit - node_dead ")
                        || l.contains("audit - node_joined ")).forEach(l -> {
                    long at = Instant.parse(l.substring(0, l.indexOf(' '))).toEpochMilli() - History.ORIGIN_EPOCH_MS;
                    String what = l.substring(l.indexOf("audit - ") + 8, l.indexOf(' ', l.indexOf("audit - ") + 8));
                    out.add(new History.Fault(what, History.CLUSTER, at - before, at + HistoryChecker.GROUP_SETTLE_MS, true));
                });
            } catch (IOException unreadable) {
                // no such log: nothing to add
            }
        }
        return out;
    }
}
