package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.Replies.isPresence;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowConsumerTest {
    private static final int MAX_MESSAGES = 8000;
    private static final Duration MAX_TIME = Duration.ofSeconds(20);

    @Test
    @DisplayName("a reader that stops reading is closed by the server; a normal reader still gets every message in order")
    void slowReaderIsDropped() throws IOException {
        // The shipped per-reader cap: 64 KiB (16 of these messages) also dropped the normal reader now and then.
        try (TestServer server = TestServer.start(Map.of("limits.slowConsumerBytes", 262_144,
                "limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));
             JsonClient observer = server.loggedIn("sc.observer");
             JsonClient sender = server.loggedIn("sc.sender");
             Socket slow = new Socket()) {
            observer.awaitPresence("sc.sender", "online");
            BufferedReader slowIn = SlowReaderFlood.loginAndStopReading(slow, server.port(), "sc.slow");
            observer.awaitPresence("sc.slow", "online");

            String padding = "z".repeat(3900);
            List<String> sent = new ArrayList<>();
            long deadline = System.nanoTime() + MAX_TIME.toNanos();
            JsonNode dropped = null;
            int extra = 0;
            for (int i = 0; i < MAX_MESSAGES && System.nanoTime() < deadline && extra < 10; i++) {
                String text = "flood " + i + " " + padding;
                JsonNode ok = sender.say(text);
                assertTrue(ok.path("ok").asBoolean(), ok.toString());
                sent.add(text);
                if (dropped == null) {
                    dropped = observer.poll(f -> "presence".equals(f.path("op").asText())
                            && "sc.slow".equals(f.path("user").asText()) && "offline".equals(f.path("status").asText()),
                            Duration.ZERO);
                } else {
                    extra++;
                }
            }
            assertTrue(dropped != null, "the slow reader was not dropped after " + sent.size() + " messages of ~4 KB");

            // The normal reader got all of them, in order, none twice.
            sender.say("flood done");
            observer.awaitMessage("flood done");
            List<String> got = observer.log().stream()
                    .filter(f -> isMessage(f) && "sc.sender".equals(f.path("from").asText()))
                    .map(f -> f.path("text").asText()).toList();
            List<String> expected = new ArrayList<>(sent);
            expected.add("flood done");
            assertEquals(expected.size(), got.size(), "message count at the normal reader");
            assertTrue(expected.equals(got), "order at the normal reader");

            // Server side the connection is gone: reading what is left reaches the end of the stream.
            String last = null;
            try {
                String line;
                while ((line = slowIn.readLine()) != null) last = line;
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server did not close the slow connection", e);
            } catch (IOException reset) {
                // A reset is a close too.
            }
            System.out.println("slow reader was dropped after " + sent.size() + " messages; its last line: "
                    + (last == null ? null : last.substring(0, Math.min(200, last.length()))));
        }
    }

    @Test
    @DisplayName("50 clients that never read, under a flood of 4,000-character messages: the node's pending output "
            + "stays within limits.maxPendingOutputBytes (largest first dropped as SLOW_CONSUMER) and a normal reader gets everything")
    void nodeOutputBudget() throws Exception {
        long budget = 2L << 20;
        int slow = 50;
        try (TestServer server = TestServer.start(Map.of("limits.slowConsumerBytes", 1L << 20,
                "limits.maxPendingOutputBytes", budget, "limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));
             JsonClient observer = server.loggedIn("nb.observer");
             JsonClient sender = server.loggedIn("nb.sender");
             SlowReaderFlood flood = new SlowReaderFlood(server.port(), "nb")) {
            flood.openNonReaders(slow);
            observer.awaitPresence(SlowReaderFlood.slowUser("nb", slow - 1), "online");
            java.util.Set<String> dropped = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.function.BooleanSupplier allDropped = () -> {
                JsonNode off;
                while ((off = observer.poll(f -> "presence".equals(f.path("op").asText())
                        && f.path("user").asText().startsWith("nb.slow") && "offline".equals(f.path("status").asText()),
                        Duration.ZERO)) != null) {
                    dropped.add(off.path("user").asText());
                }
                return dropped.size() == slow;
            };
            // 50 readers x 1 MiB each would be 50 MiB pending: only the node budget (2 MiB) stops it earlier.
            int sent = SlowReaderFlood.flood(List.of(sender), 1500, MAX_TIME, allDropped);
            Await.latest(() -> {
                if (allDropped.getAsBoolean()) return true;
                observer.request(op("ping"));
                return false;
            }, done -> done, JsonClient.TIMEOUT, Duration.ZERO);
            long high = server.server().gateway().pendingOutputHighWater();
            System.out.println("node budget: " + sent + " messages sent; " + dropped.size() + " dropped; high water "
                    + high + " bytes of " + budget);
            assertEquals(slow, dropped.size(), "non-readers dropped after " + sent + " messages");
            // Shedding starts at the budget; no buffer is allocated 25 % over it.
            assertTrue(high <= budget + budget / 4, "pending output peaked at " + high + " bytes");

            sender.say("budget done");
            observer.awaitMessage("budget done");
            List<String> got = observer.log().stream()
                    .filter(f -> isMessage(f) && "nb.sender".equals(f.path("from").asText()))
                    .map(f -> f.path("text").asText()).toList();
            assertEquals(sent + 1, got.size(), "the normal reader got every message");
            for (int i = 0; i < sent; i++) assertTrue(got.get(i).startsWith("flood 0 " + i + " "), "order at " + i);
            String metrics = Http.get(server.server().opsPort(), "/metrics").body();
            assertTrue(metrics.contains("parley_disconnects_total{reason=\"SLOW_CONSUMER\"}"), "drops by reason are counted");
            assertTrue(metrics.contains("parley_pending_output_bytes"), "pending output gauge");
        }
    }

    @Test
    @DisplayName("a client that stopped reading and then goes silent is still closed at the idle timeout")
    void stuckReaderIsClosedWhenIdle() throws IOException {
        try (TestServer server = TestServer.start(Map.of("limits.idleTimeoutSeconds", 1,
                "limits.slowConsumerBytes", 1 << 30, "limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));
             JsonClient observer = server.loggedIn("st.observer");
             JsonClient sender = server.loggedIn("st.sender");
             Socket stuck = new Socket()) {
            observer.awaitPresence("st.sender", "online");
            SlowReaderFlood.loginAndStopReading(stuck, server.port(), "st.stuck");
            observer.awaitPresence("st.stuck", "online");
            OutputStream stuckOut = stuck.getOutputStream();

            // Fill every buffer towards the stuck reader (kernel and server side, well under slowConsumerBytes),
            // while it keeps itself from idling by writing pings it never reads the answers to.
            String padding = "q".repeat(3900);
            int n = 1500;
            for (int i = 0; i < n; i++) {
                sender.send(op("say", "text", "fill " + i + " " + padding, "rid", "f" + i));
                if (i % 20 == 0) {   // often enough for a 1 s idle timeout on a loaded machine
                    stuckOut.write((op("ping") + "\n").getBytes(StandardCharsets.UTF_8));
                    stuckOut.flush();
                    observer.request(op("ping"));
                }
            }
            // The observer and the sender keep pinging while the server works through the backlog: only the
            // stuck client is to go idle.
            String lastFill = "fill " + (n - 1) + " " + padding;
            JsonNode last = Await.firstNonNull(() -> {
                JsonNode f = observer.poll(m -> isMessage(m, lastFill), Duration.ofMillis(300));
                observer.send(op("ping"));
                sender.send(op("ping"));
                return f;
            }, JsonClient.TIMEOUT, Duration.ZERO);
            assertTrue(last != null, "the observer did not get the last fill message");
            sender.await(f -> ("f" + (n - 1)).equals(f.path("rid").asText()), "the last fill reply");

            // Now the stuck client is silent: the idle sweep must close it although its output never drains.
            JsonNode offline = Await.firstNonNull(() -> {
                JsonNode f = observer.poll(p -> isPresence(p, "st.stuck", "offline"), Duration.ofMillis(300));
                observer.request(op("ping"));
                sender.request(op("ping"));
                return f;
            }, JsonClient.TIMEOUT, Duration.ZERO);
            assertTrue(offline != null, "the silent, non-reading client is still connected after "
                    + JsonClient.TIMEOUT.toSeconds() + " s with a 1 s idle timeout");
        }
    }
}
