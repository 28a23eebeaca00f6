package dev.parley.chaos;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembershipLogTest {
    @Test
    @DisplayName("node_left, node_dead and node_joined audit lines become cluster-wide windows on the history's clock")
    void readsMembershipChanges(@TempDir Path dir) throws Exception {
        long at = History.ORIGIN_EPOCH_MS + 60_000;
        String ts = Instant.ofEpochMilli(at).toString();
        Path log = dir.resolve("node-1.log");
        Files.writeString(log, String.join("\n",
                ts + " INFO  [n1] audit - node_left n2: [127.0.0.1]:5702 event=\"node_left\" subject=\"n2\"",
                ts + " INFO  [n1] audit - login_ok u01 from 127.0.0.1 event=\"login_ok\"",
                ts + " WARN  [n1] audit - node_dead n2: 3 user(s) offline event=\"node_dead\"",
                ts + " INFO  [n1] audit - node_joined n3: [127.0.0.1]:5703 event=\"node_joined\"",
                "\u0000\u00ff cut by kill -9"));

        List<History.Fault> faults = MembershipLog.read(List.of(log, dir.resolve("missing.log")), 5_000);

        assertEquals(List.of("node_left", "node_dead", "node_joined"), faults.stream().map(History.Fault::kind).toList());
        History.Fault left = faults.get(0);
        assertTrue(left.clusterWide());
        assertEquals(History.CLUSTER, left.node());
        assertEquals(55_000, left.startAt());
        assertEquals(60_000 + HistoryChecker.GROUP_SETTLE_MS, left.endAt());
    }
}
