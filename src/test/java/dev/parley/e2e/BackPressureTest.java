package dev.parley.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A connection with many requests in flight is read more slowly, never answered less. */
class BackPressureTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));

    @Test
    @DisplayName("2,000 requests pipelined in one write (far over the in-flight cap) all get their answer and the connection keeps working (reading pauses and resumes)")
    void pipelinedBurst() {
        try (JsonClient c = server.loggedIn("bp-user")) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 2000; i++) burst.append("{\"op\":\"who\",\"rid\":").append(i).append("}\n");
            c.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
            Set<Integer> answered = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                int rid = i;
                c.await(f -> "who".equals(f.path("op").asText()) && f.path("rid").asInt(-1) == rid, "who reply " + rid);
                answered.add(rid);
            }
            assertEquals(2000, answered.size());
            assertEquals("pong", c.request(JsonClient.op("ping")).path("op").asText(), "the connection still works");
        }
    }
}
