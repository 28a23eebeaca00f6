package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissedGroupMessagesTest {
    static final int REPLAY_MAX = 5;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("history.replayMax", REPLAY_MAX));

    private static boolean isGroupMessage(JsonNode f) {
        return isMessage(f) && "group".equals(f.path("kind").asText());
    }

    private static boolean isNotice(JsonNode f) {
        return "notice".equals(f.path("op").asText());
    }

    /**
     * Logs the user in once (so the server knows where they left off), waits until the login's
     * catch-up is done (a private message is held until then), then logs out.
     */
    private static void visitOnce(String user, JsonClient observer) {
        try (JsonClient c = server.loggedIn(user)) {
            observer.awaitPresence(user, "online");
            observer.msg(user, "visit of " + user);
            c.awaitMessage("visit of " + user);
            c.request(op("logout"));
            c.awaitClosed();
        }
        observer.awaitPresence(user, "offline");
    }

    private static List<String> texts(List<JsonNode> frames) {
        return frames.stream().map(f -> f.path("text").asText()).toList();
    }

    @Test
    @DisplayName("messages said while a user was away arrive at login marked offline, oldest first, before live ones")
    void missedMessagesArriveBeforeLiveOnes() {
        try (JsonClient other = server.loggedIn("h.other")) {
            visitOnce("h.away", other);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                assertTrue(other.say("missed " + i).path("ok").asBoolean());
                expected.add("missed " + i);
            }
            try (JsonClient back = server.json()) {
                JsonNode login = back.login("h.away", "123456");
                other.say("live group");
                // A private message is not in the group history: held during the catch-up, it marks its end.
                other.msg("h.away", "live private");
                JsonNode live = back.awaitMessage("live private");

                List<JsonNode> log = back.log();
                List<JsonNode> before = back.framesBefore(live);
                List<JsonNode> replayed = before.stream().filter(MissedGroupMessagesTest::isGroupMessage)
                        .filter(f -> f.path("text").asText().startsWith("missed")).toList();
                assertEquals(expected, texts(replayed), "each missed one once, oldest first, before the live one: " + back.log());
                for (JsonNode m : replayed) {
                    assertTrue(m.path("offline").asBoolean(), m.toString());
                    assertEquals("h.other", m.path("from").asText());
                    assertTrue(log.indexOf(m) > log.indexOf(login), "after the login reply: " + log);
                }
                assertFalse(live.has("offline"), live.toString());
                assertEquals(List.of(), before.stream().filter(MissedGroupMessagesTest::isNotice).toList(),
                        "nothing was skipped");
                back.awaitMessage("live group");
                assertEquals(1, back.log().stream().filter(f -> "live group".equals(f.path("text").asText())).count(),
                        "the live group message once: " + back.log());
            }
        }
    }

    @Test
    @DisplayName("a message said after the login reply is live: delivered once and not marked offline")
    void messagesAfterTheLoginReplyAreNotMissed() {
        // The race between the login's catch-up and a message said right after the reply is narrow:
        // repeat it so a wrong outcome shows up reliably.
        try (JsonClient other = server.loggedIn("h.prompt")) {
            visitOnce("h.quick", other);
            for (int round = 0; round < 20; round++) {
                String text = "right after login " + round;
                try (JsonClient back = server.json()) {
                    back.login("h.quick", "123456");
                    other.say(text);
                    JsonNode m = back.awaitMessage(text);
                    assertFalse(m.path("offline").asBoolean(), "round " + round + ": said after the login reply, "
                            + "so not missed: " + m);
                    back.request(op("logout"));
                    back.awaitClosed();
                }
                other.awaitPresence("h.quick", "offline");
            }
        }
    }

    @Test
    @DisplayName("a group message said right after a first login's reply is delivered to the newcomer")
    void firstLoginDoesNotSwallowTheNextMessage() {
        try (JsonClient other = server.loggedIn("h.greeter")) {
            for (int round = 0; round < 20; round++) {
                String user = "h.first" + round;
                String text = "hello newcomer " + round;
                try (JsonClient fresh = server.json()) {
                    fresh.register(user, "123456");
                    fresh.login(user, "123456");
                    other.say(text);
                    JsonNode m = fresh.poll(f -> isMessage(f)
                            && text.equals(f.path("text").asText()), Duration.ofSeconds(3));
                    assertNotNull(m, "round " + round + ": the newcomer is online and must get '" + text + "'; got "
                            + fresh.log());
                }
            }
        }
    }

    @Test
    @DisplayName("messages said while the login is still under way arrive exactly once, in order, after the missed ones")
    void messagesDuringLoginAreNeitherLostNorDoubled() {
        int racing = 20;
        // Room for everything in the replay: this is about order and duplicates, not truncation.
        try (TestServer s = TestServer.start(Map.of("limits.rateBurst", 1000)); JsonClient other = s.loggedIn("h.racer")) {
            try (JsonClient first = s.loggedIn("h.racing")) {
                other.awaitPresence("h.racing", "online");
            }
            other.awaitPresence("h.racing", "offline");
            for (int i = 1; i <= 3; i++) other.say("before " + i);
            try (JsonClient back = s.json()) {
                back.send(op("login", "user", "h.racing", "password", "123456", "rid", "login"));
                for (int i = 0; i < racing; i++) other.send(op("say", "text", "during " + i));
                other.say("after all");
                JsonNode end = back.awaitMessage("after all");
                JsonNode login = back.await(f -> "login".equals(f.path("rid").asText()), "login reply");
                assertTrue(login.path("ok").asBoolean(), login.toString());

                List<String> expected = new ArrayList<>(List.of("before 1", "before 2", "before 3"));
                for (int i = 0; i < racing; i++) expected.add("during " + i);
                List<JsonNode> got = back.framesBefore(end).stream().filter(MissedGroupMessagesTest::isGroupMessage).toList();
                assertEquals(expected, texts(got), "each once, in the order said: " + back.log());
            }
        }
    }

    @Test
    @DisplayName("with more missed than history.replayMax the newest are replayed and one HISTORY_TRUNCATED notice says so")
    void replayIsBoundedWithOneNotice() {
        try (JsonClient other = server.loggedIn("h.chatty")) {
            visitOnce("h.truncated", other);
            for (int i = 1; i <= 8; i++) other.say("burst " + i);
            try (JsonClient back = server.json()) {
                back.login("h.truncated", "123456");
                other.msg("h.truncated", "truncation sentinel");
                JsonNode sentinel = back.awaitMessage("truncation sentinel");
                List<JsonNode> before = back.framesBefore(sentinel);
                List<JsonNode> replayed = before.stream().filter(MissedGroupMessagesTest::isGroupMessage).toList();
                assertEquals(List.of("burst 4", "burst 5", "burst 6", "burst 7", "burst 8"), texts(replayed));
                replayed.forEach(m -> assertTrue(m.path("offline").asBoolean(), m.toString()));

                List<JsonNode> notices = before.stream().filter(MissedGroupMessagesTest::isNotice).toList();
                assertEquals(1, notices.size(), "exactly one notice: " + before);
                assertEquals("HISTORY_TRUNCATED", notices.get(0).path("code").asText());
                assertTrue(notices.get(0).path("message").asText().contains("3"), notices.get(0).toString());
            }
        }
    }

    @Test
    @DisplayName("a brand-new user's first login replays nothing, even with history on the server")
    void firstLoginReplaysNothing() {
        try (JsonClient other = server.loggedIn("h.veteran")) {
            for (int i = 1; i <= 3; i++) other.say("old news " + i);
            try (JsonClient reg = server.json()) {
                reg.register("h.newcomer", "123456");
            }
            try (JsonClient fresh = server.json()) {
                fresh.login("h.newcomer", "123456");
                other.msg("h.newcomer", "welcome sentinel");
                JsonNode sentinel = fresh.awaitMessage("welcome sentinel");
                List<JsonNode> before = fresh.framesBefore(sentinel);
                assertEquals(List.of(), before.stream()
                        .filter(f -> isGroupMessage(f) || isNotice(f)).toList());
            }
        }
    }

    @Test
    @DisplayName("a first visit that ends before its catch-up still marks where the user started")
    void briefFirstVisitSetsThePosition() {
        try (TestServer s = TestServer.start(Map.of("history.replayMax", REPLAY_MAX,
                "limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));
             JsonClient other = s.loggedIn("h.host")) {
            for (int i = 1; i <= 2 * REPLAY_MAX; i++) other.say("ancient " + i);
            for (int round = 0; round < 6; round++) {
                String user = "h.brief" + round;
                try (JsonClient reg = s.json()) {
                    reg.register(user, "123456");
                }
                // Unread mail makes the login's catch-up take a moment.
                for (int i = 0; i < 1000; i++) other.send(op("msg", "to", user, "text", "mail " + i, "rid", "m" + i));
                other.await(f -> "m999".equals(f.path("rid").asText()), "the last mail stored");
                try (JsonClient brief = s.json()) {
                    // Login and logout in one write: the session ends while its catch-up is under way.
                    brief.sendLine(op("login", "user", user, "password", "123456").toString() + "\n"
                            + op("logout").toString());
                    brief.awaitClosed();
                }
                other.awaitPresence(user, "offline");
                other.say("after brief visit " + round);
                try (JsonClient back = s.loggedIn(user)) {
                    other.msg(user, "brief sentinel");
                    JsonNode sentinel = back.awaitMessage("brief sentinel");
                    List<JsonNode> before = back.framesBefore(sentinel);
                    assertEquals(List.of("after brief visit " + round), texts(before.stream()
                            .filter(MissedGroupMessagesTest::isGroupMessage).toList()), "round " + round);
                    assertEquals(List.of(), before.stream().filter(MissedGroupMessagesTest::isNotice).toList(),
                            "round " + round);
                }
            }
        }
    }

    @Test
    @DisplayName("messages received live are not replayed at the next login")
    void liveMessagesAreNotReplayed() {
        try (JsonClient other = server.loggedIn("h.speaker")) {
            visitOnce("h.present", other);
            try (JsonClient present = server.loggedIn("h.present")) {
                other.say("seen live");
                present.awaitMessage("seen live");
                present.request(op("logout"));
                present.awaitClosed();
            }
            other.awaitPresence("h.present", "offline");
            try (JsonClient back = server.loggedIn("h.present")) {
                other.msg("h.present", "replay sentinel");
                JsonNode sentinel = back.awaitMessage("replay sentinel");
                assertEquals(List.of(), back.framesBefore(sentinel).stream()
                        .filter(MissedGroupMessagesTest::isGroupMessage).toList());
            }
        }
    }
}
