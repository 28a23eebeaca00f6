package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same-node private path's confirmation window (ChatCommands.CONFIRM_MILLIS, swept by the gateway's DelayQueue). */
class UnconfirmedPrivateMessageTest {

    @Test
    @DisplayName("a same-node private message whose write is not confirmed within 3 s is stored, and the sender is told so")
    void unconfirmedIsStored() throws IOException {
        // A large per-reader cap, so the reader is not dropped before its socket stops taking bytes.
        try (TestServer server = TestServer.start(Map.of("limits.slowConsumerBytes", 64 * 1024 * 1024,
                "limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));
             JsonClient sender = server.loggedIn("uc.sender");
             Socket stuck = new Socket()) {
            SlowReaderFlood.loginAndStopReading(stuck, server.port(), "uc.stuck");
            String padding = "q".repeat(3900);
            JsonNode stored = null;
            long storedAfterNanos = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (int i = 0; stored == null && System.nanoTime() < deadline; i++) {
                long t = System.nanoTime();
                JsonNode ok = sender.request(op("msg", "to", "uc.stuck", "text", "m" + i + " " + padding, "rid", "m" + i));
                assertTrue(ok.path("ok").asBoolean(), ok.toString());
                if (ok.path("stored").asBoolean()) {
                    stored = ok;
                    storedAfterNanos = System.nanoTime() - t;
                }
            }
            assertNotNull(stored, "no message was stored although the receiver never read");
            // Stored only once the confirmation window passed (3 s, plus up to a sweep period, minus nothing).
            assertTrue(storedAfterNanos >= 2_900_000_000L, "stored after " + storedAfterNanos / 1_000_000 + " ms");
        }
    }
}
