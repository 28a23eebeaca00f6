package dev.parley.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Several gateway instances share the port (one event loop each); users on different ones chat as one room. */
class MultiInstanceGatewayTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("server.gatewayInstances", 3, "server.eventLoops", 3));

    @Test
    @DisplayName("with 3 gateway instances, a group message reaches each of 9 users exactly once, and private messages cross instances")
    void acrossInstances() {
        List<JsonClient> users = new ArrayList<>();
        try {
            for (int i = 0; i < 9; i++) users.add(server.loggedIn("mi" + i));
            JsonClient sender = users.get(0);
            sender.say("to all instances");
            sender.say("sentinel");
            for (JsonClient u : users.subList(1, users.size())) {
                u.awaitMessage("to all instances");
                u.awaitMessage("sentinel");
                assertFalse(u.unconsumed().stream().anyMatch(f -> "to all instances".equals(f.path("text").asText())),
                        "exactly once");
            }
            for (int i = 1; i < users.size(); i++) {
                assertFalse(sender.msg("mi" + i, "direct " + i).path("stored").asBoolean());
                assertEquals("mi0", users.get(i).awaitMessage("direct " + i).path("from").asText());
            }
        } finally {
            users.forEach(JsonClient::close);
        }
    }
}
