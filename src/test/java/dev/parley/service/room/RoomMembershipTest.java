package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.delivery.RoomChange;
import dev.parley.store.Room;
import dev.parley.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.parley.service.room.RoomFixture.await;
import static dev.parley.service.room.RoomFixture.rooms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining (creating on first join, with its limits), parting, and the default room's rules. */
class RoomMembershipTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private RoomFixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    @Test
    @DisplayName("the first join creates the room with the joiner as owner and the creator's spelling; later joins find it case-insensitively")
    void firstJoinCreates() {
        f = new RoomFixture();
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));

        JoinRoomReply first = JoinRoomReply.fromJson(f.join("alice", "#Dev"));
        assertTrue(first.created());
        assertEquals(new RoomView("#dev", "#Dev", "", 1, -1), first.room());
        assertEquals(0, first.head());
        Room stored = await(f.rooms.get("#dev"));
        assertEquals("alice", stored.owner());

        f.say("alice", "#dev", "one");
        JoinRoomReply second = JoinRoomReply.fromJson(f.join("bob", "#DEV"));
        assertFalse(second.created());
        assertEquals(2, second.room().members());
        assertEquals(1, second.head(), "the head after joining: later messages reach the joiner live");

        Await.until(() -> events.stream().filter(e -> "room_change".equals(e.getString("type"))).count() == 2, WAIT, "two joined events");
        List<RoomChange> joins = events.stream().filter(e -> "room_change".equals(e.getString("type"))).map(RoomChange::fromJson).toList();
        assertEquals(List.of("alice", "bob"), joins.stream().map(RoomChange::user).toList());
        assertEquals("joined", joins.get(1).kind());
        assertEquals("BOB", joins.get(1).name());
        assertEquals("#Dev", joins.get(1).display());
    }

    @Test
    @DisplayName("a new member's read position is the head at joining: if its session dies unsaved, later messages are missed, not skipped")
    void joiningSetsTheReadPosition() {
        f = new RoomFixture();
        f.join("alice", "#dev");
        f.say("alice", "#dev", "one");
        f.say("alice", "#dev", "two");
        JoinRoomReply bob = JoinRoomReply.fromJson(f.join("bob", "#dev"));

        assertEquals(2, bob.head());
        assertEquals(Long.valueOf(2), await(f.reads.get("bob", "#dev")));
    }

    @Test
    @DisplayName("joining twice changes nothing and tells nobody")
    void joinTwice() {
        f = new RoomFixture();
        f.join("alice", "#dev");
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        JoinRoomReply again = JoinRoomReply.fromJson(f.join("alice", "#dev"));
        assertFalse(again.created());
        f.say("alice", "#dev", "marker");
        Await.until(() -> !events.isEmpty(), WAIT, "the marker message");
        assertEquals("room_message", events.get(0).getString("type"), "no joined event before the marker");
    }

    @Test
    @DisplayName("above rooms.presenceFanoutMax members, joins and parts are not announced (filling a big room would cost N² events)")
    void bigRoomsDoNotAnnounceJoinsAndParts() {
        f = new RoomFixture(rooms("presenceFanoutMax", 2));
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        f.join("alice", "#dev");
        f.join("bob", "#dev");
        f.join("carol", "#dev");   // the third member: over the cap
        f.part("carol", "#dev");   // back to 2 members: announced again
        f.say("alice", "#dev", "marker");
        Await.until(() -> events.stream().anyMatch(e -> "room_message".equals(e.getString("type"))), WAIT, "the marker message");

        List<String> changes = events.stream().filter(e -> "room_change".equals(e.getString("type")))
                .map(RoomChange::fromJson).map(c -> c.kind() + " " + c.user()).toList();
        assertEquals(List.of("joined alice", "joined bob", "parted carol"), changes);
    }

    @Test
    @DisplayName("a malformed room name is INVALID_ROOM on every address")
    void invalidNames() {
        f = new RoomFixture();
        for (String bad : List.of("dev", "#", "#has space", "#" + "x".repeat(50), "#ü")) {
            f.refused(ChatError.INVALID_ROOM, RoomAddresses.JOIN, new JoinRoomRequest("alice", null, bad).toJson());
        }
        f.refused(ChatError.INVALID_ROOM, RoomAddresses.SAY, new RoomSayRequest("alice", null, "nope", "t", null).toJson());
        f.refused(ChatError.INVALID_ROOM, RoomAddresses.PART, new PartRequest("alice", "nope", null).toJson());
        f.refused(ChatError.BAD_REQUEST, RoomAddresses.JOIN, new JsonObject().put("user", "alice"));
    }

    @Test
    @DisplayName("rooms.maxPerCluster: a join that would create one room too many is TOO_MANY_ROOMS (the default room counts)")
    void clusterCap() {
        f = new RoomFixture(rooms("maxPerCluster", 2));
        f.join("alice", "#one");
        String why = f.refused(ChatError.TOO_MANY_ROOMS, RoomAddresses.JOIN, new JoinRoomRequest("alice", null, "#two").toJson());
        assertTrue(why.contains("2 rooms"), why);
        f.join("bob", "#one");
    }

    @Test
    @DisplayName("rooms.createPerMinute per user: RATE_LIMITED, again allowed a minute later; joining existing rooms is not counted")
    void creationRate() {
        f = new RoomFixture(rooms("createPerMinute", 2));
        f.join("alice", "#a1");
        f.join("alice", "#a2");
        f.refused(ChatError.RATE_LIMITED, RoomAddresses.JOIN, new JoinRoomRequest("alice", null, "#a3").toJson());
        f.join("bob", "#b1");
        f.join("alice", "#b1");
        f.clock.advance(Duration.ofSeconds(61));
        assertTrue(JoinRoomReply.fromJson(f.join("alice", "#a3")).created());
    }

    @Test
    @DisplayName("rooms.perUser: joining or creating one room more is TOO_MANY_ROOMS, and no empty room is left behind")
    void perUserCap() {
        f = new RoomFixture(rooms("perUser", 2));
        f.join("alice", "#a");
        f.join("alice", "#b");
        f.join("bob", "#c");
        f.refused(ChatError.TOO_MANY_ROOMS, RoomAddresses.JOIN, new JoinRoomRequest("alice", null, "#c").toJson());
        f.refused(ChatError.TOO_MANY_ROOMS, RoomAddresses.JOIN, new JoinRoomRequest("alice", null, "#d").toJson());
        assertNull(await(f.rooms.get("#d")));
        f.ask(RoomAddresses.PART, new PartRequest("alice", "#a", null).toJson());
        f.join("alice", "#c");
    }

    @Test
    @DisplayName("a join that finds its room deleted under it creates the room again")
    void retriesAfterDeletion() {
        f = new RoomFixture();
        // Alice, its last member, leaves between the service's lookup for bob and bob's join: the room is deleted.
        FakeRoomStore racing = new FakeRoomStore() {
            private boolean raced;

            @Override
            public synchronized io.vertx.core.Future<JoinOutcome> join(String room, String user, int max) {
                if (!raced && user.equals("bob")) {
                    raced = true;
                    part("#race", "alice", true);
                    return io.vertx.core.Future.succeededFuture(JoinOutcome.NO_SUCH_ROOM);
                }
                return super.join(room, user, max);
            }
        };
        f.close();
        f = new RoomFixture(tree -> { }, racing);
        f.join("alice", "#race");
        JoinRoomReply bob = JoinRoomReply.fromJson(f.join("bob", "#race"));
        assertTrue(bob.created(), "alice left, the room was deleted: bob's join creates it again");
        assertTrue(await(racing.isMember("#race", "bob")));
    }

    @Test
    @DisplayName("part: NOT_IN_ROOM for a non-member; a parted event with the reason; the read position is forgotten")
    void part() {
        f = new RoomFixture();
        f.join("alice", "#dev");
        f.join("bob", "#dev");
        await(f.reads.advance("bob", Map.of("#dev", 3L)));
        List<JsonObject> events = f.listen(RoomAddresses.events("#dev"));
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.PART, new PartRequest("carol", "#dev", null).toJson());
        f.refused(ChatError.NO_SUCH_ROOM, RoomAddresses.PART, new PartRequest("carol", "#nowhere", null).toJson());

        f.ask(RoomAddresses.PART, new PartRequest("bob", "#Dev", "lunch").toJson());
        Await.until(() -> events.size() == 1, WAIT, "the parted event");
        RoomChange parted = RoomChange.fromJson(events.get(0));
        assertEquals(List.of("parted", "bob", "lunch"), List.of(parted.kind(), parted.user(), parted.text()));
        assertNull(await(f.reads.get("bob", "#dev")));
        assertFalse(await(f.rooms.isMember("#dev", "bob")));
    }

    @Test
    @DisplayName("the last member parting deletes the room and its history")
    void emptiedRoomIsDeleted() {
        f = new RoomFixture();
        f.join("alice", "#dev");
        f.say("alice", "#dev", "hi");
        f.ask(RoomAddresses.PART, new PartRequest("alice", "#dev", null).toJson());
        assertNull(await(f.rooms.get("#dev")));
        assertFalse(f.history.has("#dev"));
        assertTrue(JoinRoomReply.fromJson(f.join("bob", "#dev")).created());
    }

    @Test
    @DisplayName("rooms.keepEmpty: the room and its history stay when the last member parts")
    void keepEmpty() {
        f = new RoomFixture(rooms("keepEmpty", true));
        f.join("alice", "#dev");
        f.say("alice", "#dev", "hi");
        f.ask(RoomAddresses.PART, new PartRequest("alice", "#dev", null).toJson());
        assertNotNull(await(f.rooms.get("#dev")));
        assertEquals(1, f.history.log("#dev").size());
    }

    @Test
    @DisplayName("the default room exists from the start, owned by nobody; joining it is a no-op, parting it BAD_REQUEST")
    void defaultRoom() {
        f = new RoomFixture();
        Room lobby = await(f.rooms.get("#lobby"));
        assertNotNull(lobby);
        assertNull(lobby.owner());
        List<JsonObject> everyNode = f.listen(dev.parley.service.delivery.NodeAddresses.ALL);

        f.online("alice", "n1");
        f.online("bob", "n1");
        JoinRoomReply joined = JoinRoomReply.fromJson(f.join("alice", "#Lobby"));
        assertFalse(joined.created());
        assertEquals(new RoomView("#lobby", "#lobby", "", 2, 2), joined.room(), "everyone online is a member (accounts are not counted)");
        assertEquals(List.of(), await(f.rooms.roomsOf("alice")), "nothing stored: everyone is a member");
        String why = f.refused(ChatError.BAD_REQUEST, RoomAddresses.PART, new PartRequest("alice", "#lobby", null).toJson());
        assertEquals("everyone is in the default room", why);

        f.say("alice", "#lobby", "marker");
        Await.until(() -> !everyNode.isEmpty(), WAIT, "the marker on every node");
        assertEquals("room_message", everyNode.get(0).getString("type"), "the no-op join told nobody");
    }

    @Test
    @DisplayName("without rooms.autoJoinDefault the default room is joined and parted like any room, but never deleted")
    void explicitDefaultRoom() {
        f = new RoomFixture(rooms("autoJoinDefault", false));
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.SAY, new RoomSayRequest("alice", null, "#lobby", "hi", null).toJson());
        f.join("alice", "#lobby");
        assertEquals(List.of("#lobby"), await(f.rooms.roomsOf("alice")));
        f.ask(RoomAddresses.PART, new PartRequest("alice", "#lobby", null).toJson());
        assertNotNull(await(f.rooms.get("#lobby")));
    }

    @Test
    @DisplayName("a deleted account leaves every room (co-members told), its read positions and emptied rooms go")
    void accountDeletion() {
        f = new RoomFixture();
        f.join("alice", "#dev");
        f.join("bob", "#dev");
        f.join("alice", "#solo");
        f.say("alice", "#solo", "hi");
        await(f.reads.advance("alice", Map.of("#dev", 1L, "#lobby", 4L)));
        List<JsonObject> dev = f.listen(RoomAddresses.events("#dev"));

        await(RoomVerticle.forgetUser(f.vertx, f.config, f.stores, f.presence, "alice", f.clock));

        assertEquals(List.of(), await(f.rooms.roomsOf("alice")));
        assertEquals(Map.of(), await(f.reads.all("alice")));
        assertNull(await(f.rooms.get("#solo")));
        assertFalse(f.history.has("#solo"));
        Await.until(() -> dev.size() == 1, WAIT, "alice's departure told to #dev");
        assertEquals(List.of("parted", "alice"), List.of(dev.get(0).getString("kind"), dev.get(0).getString("user")));
    }
}
