package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestartTest {
    @RegisterExtension
    final TestServer server = TestServer.perTest();

    /** Everything the user was given before {@code sentinel}, a live private message sent after login. */
    private static List<JsonNode> replayedBefore(JsonClient c, JsonNode sentinel) {
        return c.framesBefore(sentinel).stream().filter(Replies::isMessage).toList();
    }

    @Test
    @DisplayName("after a restart on the same data directory accounts, unread mail, missed group messages, positions and cids are intact")
    void stateSurvivesRestart() {
        try (JsonClient reg = server.json()) {
            for (String u : List.of("rs.alice", "rs.bob", "rs.carol", "rs.dave")) reg.register(u, "123456");
        }
        // carol visits once, so the server knows where she left off.
        try (JsonClient carol = server.loggedIn("rs.carol")) {
            carol.awaitCatchUp("rs.carol");
            carol.request(op("logout"));
            carol.awaitClosed();
        }

        List<String> mailIds = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        String cidId;
        JsonClient alice = server.loggedIn("rs.alice");
        JsonClient dave = server.loggedIn("rs.dave");
        dave.awaitCatchUp("rs.dave");
        for (int i = 1; i <= 2; i++) {
            JsonNode ok = alice.msg("rs.bob", "mail " + i);
            assertTrue(ok.path("stored").asBoolean(), ok.toString());
            mailIds.add(ok.path("id").asText());
        }
        for (int i = 1; i <= 3; i++) {
            groupIds.add(alice.say("group " + i).path("id").asText());
            dave.awaitMessage("group " + i);
        }
        JsonNode withCid = alice.request(op("say", "text", "said once", "cid", "restart-1"));
        cidId = withCid.path("id").asText();
        dave.awaitMessage("said once");

        server.restart();
        assertEquals("SHUTDOWN", alice.awaitOp("bye").path("reason").asText());
        assertEquals("SHUTDOWN", dave.awaitOp("bye").path("reason").asText());
        alice.close();
        dave.close();

        try (JsonClient again = server.json()) {
            assertEquals("USER_EXISTS", code(again.register("rs.alice", "other-password")));
            assertEquals("BAD_CREDENTIALS", code(again.request(op("login", "user", "rs.alice", "password", "654321"))));
        }
        try (JsonClient alice2 = server.loggedIn("rs.alice")) {
            // bob: both unread mails, in order, with their ids, marked offline.
            try (JsonClient bob = server.json()) {
                bob.login("rs.bob", "123456");
                alice2.msg("rs.bob", "bob sentinel");
                List<JsonNode> got = replayedBefore(bob, bob.awaitMessage("bob sentinel"));
                assertEquals(List.of("mail 1", "mail 2"), got.stream().map(f -> f.path("text").asText()).toList());
                assertEquals(mailIds, got.stream().map(f -> f.path("id").asText()).toList());
                got.forEach(m -> {
                    assertTrue(m.path("offline").asBoolean(), m.toString());
                    assertEquals("private", m.path("kind").asText());
                    assertEquals("rs.alice", m.path("from").asText());
                });
            }
            // carol: the group messages said while she was away.
            try (JsonClient carol = server.json()) {
                carol.login("rs.carol", "123456");
                alice2.msg("rs.carol", "carol sentinel");
                List<JsonNode> got = replayedBefore(carol, carol.awaitMessage("carol sentinel"));
                assertEquals(List.of("group 1", "group 2", "group 3", "said once"),
                        got.stream().map(f -> f.path("text").asText()).toList());
                assertEquals(groupIds, got.subList(0, 3).stream().map(f -> f.path("id").asText()).toList());
                got.forEach(m -> assertTrue(m.path("offline").asBoolean(), m.toString()));
            }
            // dave was online until the shutdown: nothing is missed, nothing repeated.
            try (JsonClient dave2 = server.json()) {
                dave2.login("rs.dave", "123456");
                alice2.msg("rs.dave", "dave sentinel");
                assertEquals(List.of(), replayedBefore(dave2, dave2.awaitMessage("dave sentinel")));

                // A retry of a cid sent before the restart is recognised: same id, not delivered again.
                JsonNode retry = alice2.request(op("say", "text", "said once", "cid", "restart-1"));
                assertEquals(cidId, retry.path("id").asText(), retry.toString());
                JsonNode fresh = alice2.say("after restart");
                assertFalse(groupIds.contains(fresh.path("id").asText()), "ids stay unique across restarts");
                JsonNode end = dave2.awaitMessage("after restart");
                assertEquals(List.of(), dave2.framesBefore(end).stream()
                        .filter(f -> "said once".equals(f.path("text").asText())).toList());
            }
        }
    }
}
