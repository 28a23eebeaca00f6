package dev.parley.bench;

import dev.parley.e2e.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bench scenario, CI-sized (a few hundred connections, a few seconds) against a real node, so
 * the tool cannot rot. Figures are not asserted, only sanity: traffic flowed, nothing lost or doubled.
 */
@Timeout(120)
class BenchSmokeTest {
    @RegisterExtension
    // A load generator shares the machine with the server: raise the per-reader output cap as benchmarks do.
    static final TestServer server = TestServer.perClass(Map.of("limits.ratePerSecond", 100000, "limits.rateBurst", 100000,
            "limits.slowConsumerBytes", 8 << 20));
    private static int run;

    private static BenchResult bench(String scenario, String... extra) {
        return SmokeRun.run(scenario, List.of("--port", Integer.toString(server.port()), "--users-prefix", "smoke" + (++run)),
                extra);
    }

    @Test
    @DisplayName("fanout at a fixed rate: every member gets every message once")
    void fanoutAtRate() {
        BenchResult r = bench("fanout", "--members", "50", "--senders", "10", "--rate", "20");
        assertTrue(r.get("deliveries/s") > 0);
        assertTrue(r.get("deliveries received") > 0);
        assertEquals(r.get("deliveries expected"), r.get("deliveries received"));
        assertEquals(0, r.get("lost"));
        assertEquals(0, r.get("duplicates"));
        assertTrue(r.get("latency p99") > 0);
    }

    @Test
    @DisplayName("fanout flat out with a window: nothing lost or doubled")
    void fanoutWindow() {
        BenchResult r = bench("fanout", "--members", "30", "--window", "4");
        assertTrue(r.get("deliveries/s") > 0);
        assertEquals(0, r.get("lost"));
        assertEquals(0, r.get("duplicates"));
    }

    @Test
    @DisplayName("private pairs: every ping gets its pong, round trip measured")
    void privatePairs() {
        BenchResult r = bench("private", "--pairs", "50", "--rate", "20");
        assertTrue(r.get("msg/s") > 0);
        assertTrue(r.get("pongs received") > 0);
        assertEquals(r.get("pings sent"), r.get("pongs received"));
        assertEquals(0, r.get("lost"));
        assertTrue(r.get("round trip p50") > 0);
    }

    @Test
    @DisplayName("idle sessions: all come up and stay; RSS read from /proc for this very process")
    void connections(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("connections.json");
        BenchResult r = bench("connections", "--connections", "300", "--settle", "0.5",
                "--server-pid", Long.toString(ProcessHandle.current().pid()), "--json", json.toString());
        assertEquals(300, r.get("sessions alive after hold"));
        assertTrue(r.get("server RSS before") > 0);
        assertTrue(Files.readString(json).contains("\"sessions alive after hold\" : 300"));
    }

    @Test
    @DisplayName("logins: a steady rate at the configured KDF cost")
    void logins() {
        BenchResult r = bench("logins", "--connections", "4", "--kdf-iterations", "1000");
        assertTrue(r.get("logins/s") > 0);
        assertEquals(1000, r.get("kdf iterations"));
    }

    @Test
    @DisplayName("several targets: users round robin over them (here the same in-process node twice)")
    void targetsOnOneNode() {
        // The in-process TestServer is one node; naming its port twice still exercises the
        // multi-target path (round robin, same-/cross-"node" split) in a fraction of a second.
        // The real multi-node run is ClusterBenchSmokeTest.
        String p = Integer.toString(server.port());
        BenchResult r = bench("fanout", "--targets", "127.0.0.1:" + p + ",127.0.0.1:" + p, "--members", "20",
                "--senders", "4", "--rate", "20");
        assertEquals(0, r.get("lost"));
        assertTrue(r.get("cross-node deliveries measured") > 0);
        assertTrue(r.get("same-node deliveries measured") > 0);
    }

    @Test
    @DisplayName("rooms: every member of each room gets each of its messages once, none from another room")
    void rooms() {
        BenchResult r = bench("rooms", "--rooms", "5", "--room-size", "8", "--senders-per-room", "2", "--rate", "10");
        assertEquals(40, r.get("join pass: joins"));
        assertTrue(r.get("deliveries received") > 0);
        assertEquals(r.get("deliveries expected"), r.get("deliveries received"));
        assertEquals(0, r.get("lost"));
        assertEquals(0, r.get("misdelivered"));
        assertEquals(0, r.get("wrong room field"));
        assertTrue(r.get("latency p99") > 0);
    }

    @Test
    @DisplayName("rooms with several rooms per user, flat out: nothing lost, doubled or misdelivered")
    void roomsSeveralPerUser() {
        BenchResult r = bench("rooms", "--rooms", "6", "--room-size", "4", "--rooms-per-user", "3", "--senders-per-room", "4",
                "--window", "2");
        assertEquals(8, r.get("users sessions"));
        assertTrue(r.get("deliveries/s") > 0);
        assertEquals(0, r.get("lost"));
        assertEquals(0, r.get("duplicates"));
        assertEquals(0, r.get("misdelivered"));
    }

    @Test
    @DisplayName("churn: joins and parts at the asked rate, all answered ok")
    void churn() {
        BenchResult r = bench("churn", "--users", "40", "--rooms", "8", "--churn-rate", "200");
        assertTrue(r.get("joins") > 0);
        assertTrue(r.get("parts") > 0);
        assertEquals(0, r.get("join/part failures"));
        assertTrue(r.get("operations/s") > 100, "about 200 asked");
        assertTrue(r.get("join p99") > 0);
    }

    @Test
    @DisplayName("bad options are refused with exit code 2, not run")
    void badOptions() {
        assertEquals(2, BenchCommand.run(new String[]{"fanout", "--members", "-3"}));
        assertEquals(2, BenchCommand.run(new String[]{"nonsense"}));
        assertEquals(2, BenchCommand.run(new String[]{"connections", "--connections", "50000"}));
        assertEquals(2, BenchCommand.run(new String[]{"fanout", "--targets", "127.0.0.1"}));
        assertEquals(2, BenchCommand.run(new String[]{"cluster", "--targets", "127.0.0.1:1"}));
        assertEquals(2, BenchCommand.run(new String[]{"rooms", "--rooms", "10000", "--room-size", "10"}));
        assertEquals(2, BenchCommand.run(new String[]{"rooms", "--room-prefix", "no spaces"}));
        assertEquals(2, BenchCommand.run(new String[]{"churn", "--users", "5", "--rooms", "10"}));
        assertEquals(2, BenchCommand.run(new String[]{"rooms", "--room-size", "4", "--senders-per-room", "5"}));
    }

    @Test
    @DisplayName("the histogram's percentiles are within 1 %")
    void histogram() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100_000; i++) h.record(i * 1000L);
        assertEquals(50_000_000, h.percentileNanos(50), 500_000);
        assertEquals(99_000_000, h.percentileNanos(99), 990_000);
        assertEquals(100_000_000, h.maxNanos());
    }
}
