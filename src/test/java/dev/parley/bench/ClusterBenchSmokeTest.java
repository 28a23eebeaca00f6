package dev.parley.bench;

import dev.parley.cluster.TestCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multi-target path of {@code parley bench} against a real 2-node cluster (redis-server and two
 * node JVMs, as in ClusterTest), CI-sized: the cluster scenario (fan-out and private across nodes) and
 * idle sessions spread over both nodes. Figures are not asserted, only that traffic crossed nodes
 * with nothing lost or doubled.
 */
@Timeout(120)
class ClusterBenchSmokeTest {
    @RegisterExtension
    static final TestCluster cluster = TestCluster.perClass(2);
    private static int run;

    private static BenchResult bench(String scenario, String... extra) {
        String targets = "127.0.0.1:" + cluster.port(0) + ",127.0.0.1:" + cluster.port(1);
        return SmokeRun.run(scenario, List.of("--targets", targets, "--users-prefix", "csmoke" + (++run)), extra);
    }

    @Test
    @DisplayName("cluster: fan-out and private messages cross nodes, nothing lost or doubled")
    void clusterScenario() {
        // The nodes keep the default per-connection rate limit (50/s): stay well below it.
        BenchResult r = bench("cluster", "--members", "40", "--senders", "8", "--rate", "10",
                "--pairs", "20", "--pair-rate", "10");
        assertEquals(0, r.get("fanout: lost"));
        assertEquals(0, r.get("fanout: duplicates"));
        assertEquals(r.get("fanout: deliveries expected"), r.get("fanout: deliveries received"));
        assertTrue(r.get("fanout: cross-node deliveries measured") > 0);
        assertTrue(r.get("fanout: same-node deliveries measured") > 0);
        assertTrue(r.get("fanout: cross-node latency p99") > 0);
        assertEquals(0, r.get("private: lost"));
        assertEquals(0, r.get("private: duplicates"));
        assertEquals(10, r.get("private: cross-node pairs"));
        assertTrue(r.get("private: cross-node round trips measured") > 0);
        assertTrue(r.get("private: same-node round trips measured") > 0);
    }

    @Test
    @DisplayName("rooms split over two nodes: every member gets its rooms' messages once, none of another room")
    void roomsOverNodes() {
        BenchResult r = bench("rooms", "--rooms", "3", "--room-size", "6", "--senders-per-room", "2", "--rate", "5");
        assertEquals(0, r.get("lost"));
        assertEquals(0, r.get("misdelivered"));
        assertEquals(r.get("deliveries expected"), r.get("deliveries received"));
        assertTrue(r.get("cross-node deliveries measured") > 0);
        assertTrue(r.get("same-node deliveries measured") > 0);
    }

    @Test
    @DisplayName("connections over two nodes: all come up and stay")
    void connections() {
        BenchResult r = bench("connections", "--connections", "200", "--settle", "0.5", "--duration", "1");
        assertEquals(200, r.get("sessions alive after hold"));
    }
}
