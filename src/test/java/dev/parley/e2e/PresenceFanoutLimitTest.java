package dev.parley.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Above limits.presenceFanoutMax users online, arrivals and departures are not pushed to everyone. */
class PresenceFanoutLimitTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.presenceFanoutMax", 2));

    @Test
    @DisplayName("the third arrival in a room capped at 2 is not announced, but who still counts everyone")
    void capped() {
        try (JsonClient a = server.loggedIn("pf-a"); JsonClient b = server.loggedIn("pf-b")) {
            a.awaitPresence("pf-b", "online");
            try (JsonClient c = server.loggedIn("pf-c")) {
                assertEquals(3, c.request(JsonClient.op("who")).path("count").asInt());
                b.say("sentinel");
                a.awaitMessage("sentinel");
                assertFalse(a.unconsumed().stream().anyMatch(f -> "pf-c".equals(f.path("user").asText())),
                        "no presence event for the third user");
            }
            b.say("sentinel 2");
            a.awaitMessage("sentinel 2");
            assertFalse(a.unconsumed().stream().anyMatch(f -> "pf-c".equals(f.path("user").asText())),
                    "its departure (3 were online) is not pushed either");
        }
    }
}
