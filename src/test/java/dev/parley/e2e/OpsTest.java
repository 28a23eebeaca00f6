package dev.parley.e2e;

import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP operations port of a single node, over real HTTP. */
class OpsTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static int ops() {
        return server.server().opsPort();
    }

    private static double metric(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        if (!m.find()) throw new AssertionError(series + " not in /metrics:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    @DisplayName("live and ready answer 200 with their checks; an unknown path is 404")
    void health() {
        assertEquals(200, Http.get(ops(), "/health/live").status());
        Http.Response ready = Http.get(ops(), "/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"bus\":\"UP\"") && ready.body().contains("\"store\":\"UP\""), ready.body());
        assertEquals(404, Http.get(ops(), "/nope").status());
    }

    @Test
    @DisplayName("a node out of connection slots reports not ready (503, capacity DOWN) and ready again when they free up")
    void notReadyWhenFull() {
        try (TestServer s = TestServer.start(Map.of("limits.maxConnections", 5))) {
            int opsPort = s.server().opsPort();
            Http.Response ready = Http.get(opsPort, "/health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertTrue(ready.body().contains("\"capacity\":\"UP"), ready.body());
            List<JsonClient> all = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) all.add(s.json());
                for (JsonClient c : all) assertEquals("pong", c.request(JsonClient.op("ping")).path("op").asText());
                Http.Response full = Http.get(opsPort, "/health/ready");
                assertEquals(503, full.status(), full.body());
                assertTrue(full.body().contains("\"capacity\":\"DOWN: connections 5 of limits.maxConnections 5"), full.body());
            } finally {
                all.forEach(JsonClient::close);
            }
            // The slots are freed as the server processes the closes.
            Http.Response again = Await.latest(() -> Http.get(opsPort, "/health/ready"), r -> r.status() == 200,
                    JsonClient.TIMEOUT, Duration.ZERO);
            assertEquals(200, again.status(), again.body());
        }
    }

    @Test
    @DisplayName("/metrics counts connections, logins, messages in and out, fan-out and mailbox, in Prometheus format")
    void metrics() {
        String before = Http.get(ops(), "/metrics").body();
        double loginsBefore = metric(before, "parley_logins_total{result=\"ok\"}");
        double groupInBefore = metric(before, "parley_messages_in_total{kind=\"group\"}");
        double fanoutBefore = metric(before, "parley_fanout_deliveries_total");
        double storedBefore = metric(before, "parley_mailbox_stored_total");
        try (JsonClient offline = server.json()) {
            offline.registerIfNeeded("m-off", "123456");
        }
        try (JsonClient a = server.loggedIn("m-a"); JsonClient b = server.loggedIn("m-b")) {
            a.say("counted");
            b.awaitMessage("counted");
            a.msg("m-off", "stored one");
            // Counters move on the server's event loops; wait (bounded) until this request's effects show.
            String after = Await.latest(() -> Http.get(ops(), "/metrics").body(),
                    text -> metric(text, "parley_mailbox_stored_total") >= storedBefore + 1
                            && metric(text, "parley_fanout_deliveries_total") >= fanoutBefore + 1,
                    Duration.ofSeconds(10), Duration.ZERO);
            assertEquals(loginsBefore + 2, metric(after, "parley_logins_total{result=\"ok\"}"));
            assertEquals(groupInBefore + 1, metric(after, "parley_messages_in_total{kind=\"group\"}"));
            assertTrue(metric(after, "parley_fanout_deliveries_total") >= fanoutBefore + 1);
            assertEquals(storedBefore + 1, metric(after, "parley_mailbox_stored_total"));
            assertTrue(metric(after, "parley_sessions") >= 2);
            assertTrue(metric(after, "parley_connections") >= 2);
            assertTrue(after.contains("parley_delivery_latency_seconds_bucket"), "a latency histogram");
            assertTrue(after.contains("parley_event_loop_lag_seconds"), "event-loop lag");
            assertTrue(after.contains("parley_store_errors_total"), "store errors");
        }
    }

    @Test
    @DisplayName("/metrics reports the store's size and limit (sampled off the event loop, first sample at start)")
    void storeSize() {
        String text = Await.latest(() -> Http.get(ops(), "/metrics").body(), t -> metric(t, "parley_store_bytes") > 0,
                Duration.ofSeconds(10), Duration.ZERO);
        double used = metric(text, "parley_store_bytes");
        assertTrue(used > 0, "the embedded store's file has a size: " + used);
        assertTrue(metric(text, "parley_store_limit_bytes") > used, "file plus free disk");
    }
}
