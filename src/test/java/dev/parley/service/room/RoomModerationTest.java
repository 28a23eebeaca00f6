package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.RoomChange;
import dev.parley.store.Room;
import dev.parley.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.parley.service.room.ModerateRequest.Action.BAN;
import static dev.parley.service.room.ModerateRequest.Action.DEOP;
import static dev.parley.service.room.ModerateRequest.Action.INVITE;
import static dev.parley.service.room.ModerateRequest.Action.INVITE_ONLY;
import static dev.parley.service.room.ModerateRequest.Action.KICK;
import static dev.parley.service.room.ModerateRequest.Action.OP;
import static dev.parley.service.room.ModerateRequest.Action.OPEN;
import static dev.parley.service.room.ModerateRequest.Action.UNBAN;
import static dev.parley.service.room.RoomFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators: topic, kick, ban, unban, invite, op, deop, invite-only; everyone else is refused. */
class RoomModerationTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private RoomFixture f;

    @BeforeEach
    void start() {
        f = new RoomFixture();
        f.join("alice", "#Dev");
        f.join("bob", "#dev");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private JsonObject moderateBody(String by, ModerateRequest.Action a, String target) {
        return new ModerateRequest(by, "#dev", a, target, null).toJson();
    }

    @Test
    @DisplayName("a member who is no operator may moderate nothing: NOT_ROOM_OPERATOR")
    void onlyOperators() {
        for (ModerateRequest.Action a : ModerateRequest.Action.values()) {
            f.refused(ChatError.NOT_ROOM_OPERATOR, RoomAddresses.MODERATE, moderateBody("bob", a, a.targetsUser() ? "alice" : null));
        }
        f.refused(ChatError.NOT_ROOM_OPERATOR, RoomAddresses.TOPIC, new TopicRequest("bob", "#dev", "mine now").toJson());
        f.refused(ChatError.NO_SUCH_ROOM, RoomAddresses.MODERATE, new ModerateRequest("alice", "#none", KICK, "bob", null).toJson());
    }

    @Test
    @DisplayName("op grants moderation, deop takes it back; the owner cannot be kicked, banned or deopped")
    void operators() {
        f.moderate("alice", "#dev", OP, "bob");
        f.moderate("bob", "#dev", INVITE_ONLY, null);
        assertTrue(await(f.rooms.get("#dev")).inviteOnly());
        for (ModerateRequest.Action a : List.of(KICK, BAN, DEOP)) {
            f.refused(ChatError.NOT_ROOM_OPERATOR, RoomAddresses.MODERATE, moderateBody("bob", a, "alice"));
        }
        f.moderate("alice", "#dev", DEOP, "bob");
        f.refused(ChatError.NOT_ROOM_OPERATOR, RoomAddresses.MODERATE, moderateBody("bob", OPEN, null));
    }

    @Test
    @DisplayName("the topic: anyone reads it, operators set it, members are told")
    void topic() {
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        f.clock.advance(Duration.ofSeconds(5));
        TopicReply set = TopicReply.fromJson(f.ask(RoomAddresses.TOPIC, new TopicRequest("alice", "#dev", "releases").toJson()));
        assertEquals(new TopicReply("#Dev", "releases", "alice", f.clock.millis()), set);
        TopicReply read = TopicReply.fromJson(f.ask(RoomAddresses.TOPIC, new TopicRequest("carol", "#DEV", null).toJson()));
        assertEquals(set, read);
        Await.until(() -> events.size() == 1, WAIT, "the topic event");
        RoomChange change = RoomChange.fromJson(events.get(0));
        assertEquals(List.of("topic", "releases", "alice"), List.of(change.kind(), change.text(), change.by()));
        f.refused(ChatError.TEXT_TOO_LONG, RoomAddresses.TOPIC, new TopicRequest("alice", "#dev", "x".repeat(4001)).toJson());
    }

    @Test
    @DisplayName("kick: the member is removed and the room told (their node stops delivering); NOT_IN_ROOM for a non-member")
    void kick() {
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        f.ask(RoomAddresses.MODERATE, new ModerateRequest("alice", "#dev", KICK, "bob", "flood").toJson());
        assertFalse(await(f.rooms.isMember("#dev", "bob")));
        Await.until(() -> events.size() == 1, WAIT, "the kicked event");
        RoomChange kicked = RoomChange.fromJson(events.get(0));
        assertEquals(List.of("kicked", "bob", "alice", "flood"), List.of(kicked.kind(), kicked.user(), kicked.by(), kicked.text()));
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.MODERATE, moderateBody("alice", KICK, "bob"));
        f.join("bob", "#dev");
    }

    @Test
    @DisplayName("ban: removes the member (told as kicked), refuses their joins and says with BANNED / NOT_IN_ROOM; unban lifts it")
    void ban() {
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        f.moderate("alice", "#dev", BAN, "bob");
        Await.until(() -> events.size() == 2, WAIT, "the ban, then the kick it causes");
        assertEquals(List.of("mode", "+b", "bob"), List.of(events.get(0).getString("kind"), events.get(0).getString("text"),
                events.get(0).getString("user")));
        assertEquals(List.of("kicked", "bob"), List.of(events.get(1).getString("kind"), events.get(1).getString("user")));
        f.refused(ChatError.BANNED, RoomAddresses.JOIN, new JoinRoomRequest("bob", null, "#dev").toJson());
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.SAY, new RoomSayRequest("bob", null, "#dev", "let me in", null).toJson());

        f.moderate("alice", "#dev", BAN, "carol");
        f.refused(ChatError.BANNED, RoomAddresses.JOIN, new JoinRoomRequest("carol", null, "#dev").toJson());
        f.moderate("alice", "#dev", UNBAN, "bob");
        f.join("bob", "#dev");
    }

    @Test
    @DisplayName("op, deop, ban, unban, invite-only and open tell the room's members once per real change, naming the setter")
    void modeEvents() {
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        f.moderate("alice", "#dev", OP, "bob");
        f.moderate("alice", "#dev", OP, "bob");
        f.moderate("bob", "#dev", DEOP, "bob");
        f.moderate("alice", "#dev", INVITE_ONLY, null);
        f.moderate("alice", "#dev", INVITE_ONLY, null);
        f.moderate("alice", "#dev", OPEN, null);
        f.moderate("alice", "#dev", BAN, "carol");
        f.moderate("alice", "#dev", UNBAN, "carol");
        f.moderate("alice", "#dev", UNBAN, "carol");
        List<List<String>> expected = List.of(
                java.util.Arrays.asList("+o", "bob", "alice"), java.util.Arrays.asList("-o", "bob", "bob"),
                java.util.Arrays.asList("+i", null, "alice"), java.util.Arrays.asList("-i", null, "alice"),
                java.util.Arrays.asList("+b", "carol", "alice"), java.util.Arrays.asList("-b", "carol", "alice"));
        Await.until(() -> events.size() >= expected.size(), WAIT, "the mode events");
        List<List<String>> got = new java.util.ArrayList<>();
        for (JsonObject e : events) {
            RoomChange c = RoomChange.fromJson(e);
            assertEquals(List.of("mode", "#dev", "#Dev"), List.of(c.kind(), c.room(), c.display()));
            got.add(java.util.Arrays.asList(c.text(), c.user(), c.by()));
        }
        assertEquals(expected, got, "repeats that change nothing are not announced");
    }

    @Test
    @DisplayName("a mode event must carry a known change, and a user for +o/-o/+b/-b")
    void modeEventContract() {
        RoomChange op = new RoomChange("mode", "#dev", "#Dev", "bob", null, "alice", "+o", 1);
        assertEquals(op, RoomChange.fromJson(op.toJson()));
        assertThrows(dev.parley.service.BusCheck.InvalidBody.class,
                () -> RoomChange.fromJson(op.toJson().put("text", "+k")));
        assertThrows(dev.parley.service.BusCheck.InvalidBody.class,
                () -> RoomChange.fromJson(op.toJson().putNull("user")));
        RoomChange inviteOnly = new RoomChange("mode", "#dev", "#Dev", null, null, "alice", "+i", 1);
        assertEquals(inviteOnly, RoomChange.fromJson(inviteOnly.toJson()));
    }

    @Test
    @DisplayName("members carry the room's modes: invite-only and creation time for members, the bans for operators only")
    void modesWithMembers() {
        f.moderate("alice", "#dev", BAN, "zed");
        f.moderate("alice", "#dev", BAN, "carol");
        f.moderate("alice", "#dev", INVITE_ONLY, null);
        MembersReply toOperator = MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("alice", "#dev", null, 10).toJson()));
        assertTrue(toOperator.inviteOnly());
        assertEquals(await(f.rooms.get("#dev")).createdAt(), toOperator.createdAt());
        assertEquals(List.of("carol", "zed"), toOperator.banned());
        MembersReply toMember = MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("bob", "#dev", null, 10).toJson()));
        assertTrue(toMember.inviteOnly());
        assertEquals(null, toMember.banned(), "bans are shown to operators only");
    }

    @Test
    @DisplayName("invite-only: INVITE_ONLY without an invitation; an invitation lets one join once; open lets anyone in")
    void inviteOnly() {
        f.moderate("alice", "#dev", INVITE_ONLY, null);
        f.refused(ChatError.INVITE_ONLY, RoomAddresses.JOIN, new JoinRoomRequest("carol", null, "#dev").toJson());
        f.moderate("alice", "#dev", INVITE, "carol");
        f.join("carol", "#dev");
        Room room = await(f.rooms.get("#dev"));
        assertFalse(room.invited().contains("carol"), "the invitation was used up");
        f.ask(RoomAddresses.PART, new PartRequest("carol", "#dev", null).toJson());
        f.refused(ChatError.INVITE_ONLY, RoomAddresses.JOIN, new JoinRoomRequest("carol", null, "#dev").toJson());

        f.moderate("alice", "#dev", OPEN, null);
        f.join("carol", "#dev");
    }

    @Test
    @DisplayName("an operator needs no invitation to come back into an invite-only room")
    void operatorsComeBack() {
        f.join("carol", "#dev");
        f.moderate("alice", "#dev", OP, "bob");
        f.moderate("alice", "#dev", INVITE_ONLY, null);
        f.ask(RoomAddresses.PART, new PartRequest("bob", "#dev", null).toJson());
        f.ask(RoomAddresses.PART, new PartRequest("carol", "#dev", null).toJson());
        f.join("bob", "#dev");
        f.refused(ChatError.INVITE_ONLY, RoomAddresses.JOIN, new JoinRoomRequest("carol", null, "#dev").toJson());
    }

    @Test
    @DisplayName("a room store that fails: UNAVAILABLE, worth a retry")
    void storeFailure() {
        f.close();
        f = new RoomFixture(t -> { }, new FakeRoomStore() {
            @Override
            public synchronized io.vertx.core.Future<Room> get(String room) {
                return room.equals("#broken") ? io.vertx.core.Future.failedFuture(new IllegalStateException("redis down"))
                        : super.get(room);
            }
        });
        f.refused(ChatError.UNAVAILABLE, RoomAddresses.JOIN, new JoinRoomRequest("alice", null, "#broken").toJson());
        f.refused(ChatError.UNAVAILABLE, RoomAddresses.TOPIC, new TopicRequest("alice", "#broken", null).toJson());
    }

    @Test
    @DisplayName("an invited user who is online is told on their node; one who is offline finds the invitation when they join")
    void invitationNotice() {
        f.online("carol", "node-c");
        List<JsonObject> carolsNode = f.listen(NodeAddresses.node("node-c"));
        f.moderate("alice", "#dev", INVITE, "carol");
        Await.until(() -> carolsNode.size() == 1, WAIT, "the invitation on carol's node");
        RoomChange invited = RoomChange.fromJson(carolsNode.get(0));
        assertEquals(List.of("invited", "#dev", "#Dev", "carol", "alice"),
                List.of(invited.kind(), invited.room(), invited.display(), invited.user(), invited.by()));

        f.moderate("alice", "#dev", INVITE, "dave");
        assertTrue(await(f.rooms.get("#dev")).invited().contains("dave"));
    }

    @Test
    @DisplayName("in the implicit default room nobody is kicked or banned: everyone is in it")
    void defaultRoomHasNoRemovals() {
        // The default room has no owner; an operator is granted directly in the store.
        await(f.rooms.setOperator("#lobby", "alice", true));
        f.refused(ChatError.BAD_REQUEST, RoomAddresses.MODERATE, new ModerateRequest("alice", "#lobby", KICK, "bob", null).toJson());
        f.refused(ChatError.BAD_REQUEST, RoomAddresses.MODERATE, new ModerateRequest("alice", "#lobby", BAN, "bob", null).toJson());
        f.ask(RoomAddresses.TOPIC, new TopicRequest("alice", "#lobby", "welcome").toJson());
    }
}
