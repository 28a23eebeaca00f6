package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * limits.presenceBatchMs: a node hands the default room's arrivals to its readers together (one write per reader per
 * window in a storm), and anything else it delivers goes out after the arrivals held before it.
 */
class PresenceBatchTest {
    /** Long, so that the three logins below fall in one window however slow the machine. */
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.presenceBatchMs", 10_000));

    private static double batches() {
        return Metrics.value(server.server().opsPort(), "parley_presence_batches_total");
    }

    @Test
    @DisplayName("arrivals reach a reader in one batch, before the message that released them")
    void arrivalsInOneBatchBeforeTheNextMessage() {
        server.register("pb-a", "pb-b", "pb-c", "pb-d");
        double before = batches();
        try (JsonClient a = server.json(); JsonClient b = server.json(); JsonClient c = server.json();
             JsonClient d = server.json()) {
            a.login("pb-a", "123456");
            b.login("pb-b", "123456");
            c.login("pb-c", "123456");
            d.login("pb-d", "123456");
            d.say("after the arrivals");
            JsonNode said = a.awaitMessage("after the arrivals");
            List<String> arrivals = a.framesBefore(said).stream()
                    .filter(f -> Replies.isPresence(f, f.path("user").asText(), "online"))
                    .map(f -> f.path("user").asText()).toList();
            assertEquals(List.of("pb-b", "pb-c", "pb-d"), arrivals, "each arrival once, in order, before d's message");
            assertEquals(1.0, batches() - before, "a's, b's, c's and d's arrivals in one batch");
        }
    }
}
