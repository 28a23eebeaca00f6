package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import dev.parley.protocol.seed.StockSeedClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static dev.parley.e2e.Replies.isMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rooms (issue 14) over real sockets, one node: membership, moderation, history, replay at login, and each protocol's view. */
class RoomsTest {
    /** How long a check that something does NOT arrive waits (there is no event to await). */
    static final Duration QUIET = Duration.ofMillis(700);
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("history.replayMax", 5, "rooms.replayMaxTotal", 8));

    static JsonNode ok(JsonNode reply) {
        assertTrue(reply.path("ok").asBoolean(), "expected ok: " + reply);
        return reply;
    }

    static void refused(JsonNode reply, String code) {
        assertFalse(reply.path("ok").asBoolean(), "expected " + code + ": " + reply);
        assertEquals(code, Replies.code(reply), reply.toString());
    }

    static JsonNode join(JsonClient c, String room) {
        return c.request(op("join", "room", room));
    }

    static JsonNode say(JsonClient c, String room, String text) {
        return c.request(op("say", "room", room, "text", text));
    }

    static JsonNode moderate(JsonClient c, String op, String room, String user) {
        return c.request(op(op, "room", room, "user", user));
    }

    static boolean isEvent(JsonNode f, String op) {
        return op.equals(f.path("op").asText()) && !f.has("ok");
    }

    @Test
    @DisplayName("two members of #dev talk there, with the room on each message; a non-member hears nothing of it")
    void membersTalkNonMembersDoNot() {
        try (JsonClient ann = server.loggedIn("r1.ann"); JsonClient bob = server.loggedIn("r1.bob");
             JsonClient cy = server.loggedIn("r1.cy")) {
            JsonNode created = ok(join(ann, "#Dev1"));
            assertTrue(created.path("created").asBoolean(), created.toString());
            assertEquals("#Dev1", created.path("room").path("display").asText());
            JsonNode joined = ok(join(bob, "#dev1"));
            assertFalse(joined.path("created").asBoolean());
            ann.await(f -> isEvent(f, "joined") && "r1.bob".equals(f.path("user").asText()), "bob joined");

            JsonNode said = ok(say(ann, "#dev1", "hello dev"));
            assertEquals("#Dev1", said.path("room").asText(), "the reply names the room as shown");
            JsonNode got = bob.awaitMessage("hello dev");
            assertEquals("#Dev1", got.path("room").asText(), got.toString());
            assertEquals("r1.ann", got.path("from").asText());
            ok(say(bob, "#DEV1", "hi ann"));
            ann.awaitMessage("hi ann");

            cy.assertNothingWithin(QUIET, f -> isMessage(f) && f.path("text").asText().matches("hello dev|hi ann"), "#dev1 messages");
            refused(say(cy, "#dev1", "let me in"), "NOT_IN_ROOM");
            ann.assertNothingWithin(Duration.ZERO, f -> isMessage(f, "hello dev"), "her own message back");
        }
    }

    @Test
    @DisplayName("say without a room still goes to the default room, to everyone, as before rooms")
    void sayWithoutRoomIsTheDefaultRoom() {
        try (JsonClient ann = server.loggedIn("r2.ann"); JsonClient bob = server.loggedIn("r2.bob")) {
            JsonNode said = ok(ann.say("lobby hello"));
            assertEquals("#lobby", said.path("room").asText());
            JsonNode got = bob.awaitMessage("lobby hello");
            assertEquals("group", got.path("kind").asText());
            refused(ann.request(op("part", "room", "#lobby")), "BAD_REQUEST");
            refused(join(ann, "no-hash"), "INVALID_ROOM");
            refused(say(ann, "#bad room", "x"), "INVALID_ROOM");
        }
    }

    @Test
    @DisplayName("rooms, members and topic: listed with counts; a topic change reaches the members as an event")
    void listingsAndTopic() {
        try (JsonClient ann = server.loggedIn("r3.ann"); JsonClient bob = server.loggedIn("r3.bob")) {
            ok(join(ann, "#r3"));
            ok(join(bob, "#r3"));
            JsonNode rooms = ok(ann.request(op("rooms")));
            assertTrue(rooms.path("rooms").findValuesAsText("name").contains("#r3"), rooms.toString());
            JsonNode members = ok(ann.request(op("members", "room", "#r3")));
            assertEquals(2, members.path("count").asInt(), members.toString());
            assertEquals(List.of("r3.ann", "r3.bob"), members.path("members").findValuesAsText("user").stream().sorted().toList());

            JsonNode topic = ok(ann.request(op("topic", "room", "#r3", "text", "release friday")));
            assertEquals("release friday", topic.path("topic").asText());
            JsonNode event = bob.await(f -> isEvent(f, "topic"), "topic event");
            assertEquals("release friday", event.path("text").asText(), event.toString());
            assertEquals("release friday", ok(bob.request(op("topic", "room", "#r3"))).path("topic").asText());
        }
    }

    @Test
    @DisplayName("kick: the kicked user gets a kicked event and no more messages of the room")
    void kick() {
        try (JsonClient ann = server.loggedIn("r5.ann"); JsonClient bob = server.loggedIn("r5.bob")) {
            ok(join(ann, "#r5"));
            ok(join(bob, "#r5"));
            ok(say(ann, "#r5", "before kick"));
            bob.awaitMessage("before kick");
            ok(ann.request(op("kick", "room", "#r5", "user", "r5.bob", "reason", "spam")));
            JsonNode kicked = bob.await(f -> isEvent(f, "kicked"), "kicked event");
            assertEquals("r5.bob", kicked.path("user").asText(), kicked.toString());
            ok(say(ann, "#r5", "after kick"));
            bob.assertNothingWithin(QUIET, f -> isMessage(f, "after kick"), "messages after the kick");
            refused(say(bob, "#r5", "still here?"), "NOT_IN_ROOM");
            ok(join(bob, "#r5"));
            ok(say(ann, "#r5", "welcome back"));
            bob.awaitMessage("welcome back");
        }
    }

    @Test
    @DisplayName("ban: the banned member is removed and cannot rejoin until unbanned")
    void ban() {
        try (JsonClient ann = server.loggedIn("r6.ann"); JsonClient bob = server.loggedIn("r6.bob")) {
            ok(join(ann, "#r6"));
            ok(join(bob, "#r6"));
            ok(moderate(ann, "ban", "#r6", "r6.bob"));
            bob.await(f -> isEvent(f, "kicked"), "kicked event of the ban");
            ok(say(ann, "#r6", "after ban"));
            bob.assertNothingWithin(QUIET, f -> isMessage(f, "after ban"), "messages after the ban");
            refused(join(bob, "#r6"), "BANNED");
            ok(say(ann, "#r6", "while banned"));
            bob.assertNothingWithin(QUIET, f -> isMessage(f, "while banned"), "messages while a rejoin was refused");
            ok(moderate(ann, "unban", "#r6", "r6.bob"));
            ok(join(bob, "#r6"));
        }
    }

    @Test
    @DisplayName("invite-only: strangers are refused, the invited get in; op and deop decide who may moderate")
    void inviteOnlyAndOperators() {
        try (JsonClient ann = server.loggedIn("r7.ann"); JsonClient bob = server.loggedIn("r7.bob");
             JsonClient cy = server.loggedIn("r7.cy")) {
            ok(join(ann, "#r7"));
            ok(join(bob, "#r7"));
            ObjectNode inviteOnly = op("mode", "room", "#r7");
            inviteOnly.put("inviteOnly", true);
            ok(ann.request(inviteOnly));
            refused(join(cy, "#r7"), "INVITE_ONLY");
            refused(moderate(bob, "invite", "#r7", "r7.cy"), "NOT_ROOM_OPERATOR");
            ok(ann.request(op("mode", "room", "#r7", "grantOp", "r7.bob")));
            ok(moderate(bob, "invite", "#r7", "r7.cy"));
            ok(join(cy, "#r7"));
            ok(ann.request(op("mode", "room", "#r7", "revokeOp", "r7.bob")));
            refused(bob.request(op("topic", "room", "#r7", "text", "mine now")), "NOT_ROOM_OPERATOR");
            refused(ann.request(op("mode", "room", "#r7")), "BAD_REQUEST");
        }
    }

    @Test
    @DisplayName("history pages back through a room, oldest first, with more while older ones exist")
    void historyPaging() {
        try (JsonClient ann = server.loggedIn("r8.ann")) {
            ok(join(ann, "#r8"));
            for (int i = 1; i <= 5; i++) ok(say(ann, "#r8", "h" + i));
            ObjectNode first = op("history", "room", "#r8");
            first.put("limit", 2);
            JsonNode page = ok(ann.request(first));
            assertEquals(List.of("h4", "h5"), page.path("messages").findValuesAsText("text"), page.toString());
            assertTrue(page.path("more").asBoolean());
            ObjectNode next = op("history", "room", "#r8", "before", page.path("messages").get(0).path("id").asText());
            next.put("limit", 10);
            JsonNode older = ok(ann.request(next));
            assertEquals(List.of("h1", "h2", "h3"), older.path("messages").findValuesAsText("text"), older.toString());
            assertFalse(older.path("more").asBoolean());
        }
    }

    @Test
    @DisplayName("room messages missed while offline are replayed at the next login, with their room, before live ones")
    void missedRoomMessagesReplayed() {
        try (JsonClient ann = server.loggedIn("r9.ann")) {
            ok(join(ann, "#r9"));
            try (JsonClient bob = server.loggedIn("r9.bob")) {
                ok(join(bob, "#r9"));
                bob.awaitCatchUp("r9.bob");
                bob.request(op("logout"));
                bob.awaitClosed();
            }
            ann.awaitPresence("r9.bob", "offline");
            for (int i = 1; i <= 3; i++) ok(say(ann, "#r9", "missed " + i));
            try (JsonClient bob = server.json()) {
                bob.login("r9.bob", "123456");
                ok(say(ann, "#r9", "live one"));
                JsonNode live = bob.awaitMessage("live one");
                assertFalse(live.path("offline").asBoolean(), live.toString());
                List<JsonNode> replayed = bob.framesBefore(live).stream()
                        .filter(f -> isMessage(f) && f.path("text").asText().startsWith("missed")).toList();
                assertEquals(List.of("missed 1", "missed 2", "missed 3"), replayed.stream().map(f -> f.path("text").asText()).toList(),
                        "each once, oldest first: " + bob.log());
                for (JsonNode m : replayed) {
                    assertTrue(m.path("offline").asBoolean(), m.toString());
                    assertEquals("#r9", m.path("room").asText(), m.toString());
                }
                assertEquals(1, bob.log().stream().filter(f -> isMessage(f, "live one")).count(), "live once: " + bob.log());
            }
        }
    }

    @Test
    @DisplayName("more missed than history.replayMax in a room: the newest are replayed and a HISTORY_TRUNCATED notice names the room")
    void truncatedReplayNamesTheRoom() {
        try (JsonClient ann = server.loggedIn("r10.ann")) {
            ok(join(ann, "#r10"));
            try (JsonClient bob = server.loggedIn("r10.bob")) {
                ok(join(bob, "#r10"));
                bob.awaitCatchUp("r10.bob");
                bob.request(op("logout"));
                bob.awaitClosed();
            }
            ann.awaitPresence("r10.bob", "offline");
            for (int i = 1; i <= 7; i++) ok(say(ann, "#r10", "m" + i));
            try (JsonClient bob = server.json()) {
                bob.login("r10.bob", "123456");
                JsonNode barrier = bob.awaitCatchUp("r10.bob");
                List<JsonNode> before = bob.framesBefore(barrier);
                assertEquals(List.of("m3", "m4", "m5", "m6", "m7"), before.stream().filter(f -> isMessage(f)
                        && f.path("text").asText().matches("m\\d")).map(f -> f.path("text").asText()).toList());
                JsonNode notice = before.stream().filter(f -> "HISTORY_TRUNCATED".equals(f.path("code").asText())).findFirst()
                        .orElseThrow(() -> new AssertionError("no notice: " + bob.log()));
                assertTrue(notice.path("message").asText().contains("#r10"), notice.toString());
            }
        }
    }

    @Test
    @DisplayName("a text client joins with /join, its plain lines go to that room, and it sees the room on each line")
    void textClientCurrentRoom() {
        try (JsonClient ann = server.loggedIn("r11.ann"); TextClient bob = server.text()) {
            ok(join(ann, "#r11"));
            bob.registerAndLogin("r11.bob");
            bob.send("/join #r11");
            ann.await(f -> isEvent(f, "joined") && "r11.bob".equals(f.path("user").asText()), "bob joined");
            bob.send("plain line into r11");
            JsonNode got = ann.awaitMessage("plain line into r11");
            assertEquals("#r11", got.path("room").asText(), got.toString());
            ok(say(ann, "#r11", "answer in r11"));
            String line = bob.awaitContaining("answer in r11");
            assertTrue(line.contains("#r11"), line);
            bob.send("/room #lobby");
            bob.send("plain line into the lobby");
            JsonNode lobby = ann.awaitMessage("plain line into the lobby");
            assertEquals("#lobby", lobby.path("room").asText(), lobby.toString());
        }
    }

    @Test
    @DisplayName("a seed client hears the default room only, not the other rooms its user joined elsewhere")
    void seedSeesDefaultRoomOnly() throws Exception {
        assertEquals(RegisterResMes.OK, StockSeedClient.register("127.0.0.1", server.port(), 4100, "123456", "seedy").code());
        // Seed clients only see senders whose ids are numbers.
        try (JsonClient asSeedUser = server.json(); JsonClient ann = server.loggedIn("4200")) {
            asSeedUser.login("4100", "123456");
            ok(join(ann, "#r12"));
            ok(join(asSeedUser, "#r12"));
            asSeedUser.request(op("logout"));
            asSeedUser.awaitClosed();
            ann.awaitPresence("4100", "offline");
            try (StockSeedClient seed = StockSeedClient.login("127.0.0.1", server.port(), 4100, "123456")) {
                assertEquals(LoginResMes.OK, seed.loginResult().code());
                ann.awaitPresence("4100", "online");
                ok(say(ann, "#r12", "not for seed"));
                ok(ann.say("for everyone"));
                seed.awaitMessage(SmsMes.class, s -> s.content().equals("for everyone"), JsonClient.TIMEOUT);
                seed.expectNoMessage(m -> m instanceof SmsMes s && s.content().equals("not for seed"), QUIET);
            }
        }
    }

    @Test
    @DisplayName("an invited user who is online is told, and can then join the invite-only room")
    void invitationReachesTheInvitee() {
        try (JsonClient ann = server.loggedIn("r13.ann"); JsonClient bob = server.loggedIn("r13.bob")) {
            ok(join(ann, "#R13"));
            ObjectNode inviteOnly = op("mode", "room", "#r13");
            inviteOnly.put("inviteOnly", true);
            ok(ann.request(inviteOnly));
            JsonNode reply = ok(moderate(ann, "invite", "#r13", "r13.bob"));
            assertEquals("#R13", reply.path("room").asText(), reply.toString());
            JsonNode invited = bob.await(f -> isEvent(f, "invited"), "invited event");
            assertEquals("#R13", invited.path("room").asText(), invited.toString());
            assertEquals("r13.ann", invited.path("by").asText(), invited.toString());
            ok(join(bob, "#r13"));
        }
    }

    @Test
    @DisplayName("sharing the default room and two others, a co-member hears of a login once")
    void presenceOncePerCoMember() {
        try (JsonClient ann = server.loggedIn("r14.ann")) {
            ok(join(ann, "#r14a"));
            ok(join(ann, "#r14b"));
            try (JsonClient bob = server.loggedIn("r14.bob")) {
                ok(join(bob, "#r14a"));
                ok(join(bob, "#r14b"));
            }
            ann.awaitPresence("r14.bob", "offline");
            try (JsonClient bob = server.loggedIn("r14.bob")) {
                ann.awaitPresence("r14.bob", "online");
                // A message after the login: once it is here, every copy of the presence event would be too.
                ok(say(bob, "#r14a", "after login"));
                ann.awaitMessage("after login");
                long online = ann.log().stream().filter(f -> Replies.isPresence(f, "r14.bob", "online")).count();
                assertEquals(2, online, "once per login (two logins): " + ann.log());
            }
        }
    }

    @Test
    @DisplayName("missed messages over several rooms are bounded in total (rooms.replayMaxTotal), the newest kept")
    void replayBoundedInTotal() {
        try (JsonClient ann = server.loggedIn("r15.ann")) {
            ok(join(ann, "#r15a"));
            ok(join(ann, "#r15b"));
            try (JsonClient bob = server.loggedIn("r15.bob")) {
                ok(join(bob, "#r15a"));
                ok(join(bob, "#r15b"));
                bob.awaitCatchUp("r15.bob");
                bob.request(op("logout"));
                bob.awaitClosed();
            }
            ann.awaitPresence("r15.bob", "offline");
            for (int i = 1; i <= 5; i++) {
                ok(say(ann, "#r15a", "a" + i));
                ok(say(ann, "#r15b", "b" + i));
            }
            try (JsonClient bob = server.json()) {
                bob.login("r15.bob", "123456");
                JsonNode barrier = bob.awaitCatchUp("r15.bob");
                List<JsonNode> replayed = bob.framesBefore(barrier).stream()
                        .filter(f -> isMessage(f) && f.path("text").asText().matches("[ab]\\d")).toList();
                List<String> shown = replayed.stream().map(f -> f.path("text").asText()).sorted().toList();
                assertEquals(List.of("a2", "a3", "a4", "a5", "b2", "b3", "b4", "b5"), shown,
                        "the 8 newest of 10 (said alternately): " + bob.log());
                for (int i = 1; i < replayed.size(); i++) {
                    assertTrue(replayed.get(i - 1).path("ts").asLong() <= replayed.get(i).path("ts").asLong(), "oldest first: " + replayed);
                }
                long notices = bob.framesBefore(barrier).stream().filter(f -> "HISTORY_TRUNCATED".equals(f.path("code").asText())).count();
                assertEquals(2, notices, "one per room that lost messages: " + bob.log());
            }
        }
    }

    @Test
    @DisplayName("a login into a room nobody online is in: the node starts receiving it, replays what was missed, then live")
    void loginIntoAQuietRoom() {
        try (JsonClient bob = server.loggedIn("r16.bob")) {
            ok(join(bob, "#r16"));
            bob.awaitCatchUp("r16.bob");
            bob.request(op("logout"));
            bob.awaitClosed();
        }
        try (JsonClient ann = server.loggedIn("r16.ann")) {
            ok(join(ann, "#r16"));
            ok(say(ann, "#r16", "while bob was away"));
            ann.request(op("logout"));
            ann.awaitClosed();
        }
        try (JsonClient bob = server.json(); JsonClient ann = server.json()) {
            bob.login("r16.bob", "123456");
            JsonNode replayed = bob.awaitMessage("while bob was away");
            assertTrue(replayed.path("offline").asBoolean(), replayed.toString());
            assertEquals("#r16", replayed.path("room").asText());
            bob.awaitCatchUp("r16.bob");
            ann.login("r16.ann", "123456");
            ok(say(ann, "#r16", "live again"));
            assertFalse(bob.awaitMessage("live again").path("offline").asBoolean());
        }
    }
}
