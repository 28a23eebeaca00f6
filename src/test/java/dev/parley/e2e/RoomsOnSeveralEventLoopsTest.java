package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.RoomsTest.QUIET;
import static dev.parley.e2e.RoomsTest.join;
import static dev.parley.e2e.RoomsTest.ok;
import static dev.parley.e2e.RoomsTest.say;

/** Room members spread over several gateway instances (event loops) of one node: each instance delivers to its own. */
class RoomsOnSeveralEventLoopsTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("server.gatewayInstances", 3));

    @Test
    @DisplayName("members on three event loops all hear the room; a kicked one on any loop stops; the others part")
    void membersOnEveryLoop() {
        List<JsonClient> members = new ArrayList<>();
        try (JsonClient owner = server.loggedIn("l.owner"); JsonClient outsider = server.loggedIn("l.outsider")) {
            ok(join(owner, "#loops"));
            for (int i = 0; i < 6; i++) {
                JsonClient c = server.loggedIn("l.m" + i);
                members.add(c);
                ok(join(c, "#loops"));
            }
            ok(say(owner, "#loops", "to all loops"));
            for (JsonClient c : members) c.awaitMessage("to all loops");

            ok(owner.request(op("kick", "room", "#loops", "user", "l.m3")));
            members.get(3).await(f -> RoomsTest.isEvent(f, "kicked"), "kicked");
            ok(say(owner, "#loops", "after the kick"));
            for (int i = 0; i < members.size(); i++) {
                if (i != 3) members.get(i).awaitMessage("after the kick");
            }
            members.get(3).assertNothingWithin(QUIET, f -> isMessage(f, "after the kick"), "room messages after the kick");
            outsider.assertNothingWithin(java.time.Duration.ZERO, f -> isMessage(f) && f.has("room")
                    && "#loops".equals(f.path("room").asText()), "#loops messages");

            for (int i = 0; i < members.size(); i++) {
                if (i != 3) ok(members.get(i).request(op("part", "room", "#loops")));
            }
            JsonNode alone = ok(owner.request(op("members", "room", "#loops")));
            org.junit.jupiter.api.Assertions.assertEquals(1, alone.path("count").asInt(), alone.toString());
        } finally {
            members.forEach(JsonClient::close);
        }
    }
}
