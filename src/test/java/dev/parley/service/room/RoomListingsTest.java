package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.parley.service.room.ModerateRequest.Action.INVITE_ONLY;
import static dev.parley.service.room.ModerateRequest.Action.OP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rooms list and a room's members: paged by name, at most rooms.listMax per reply, the true total always given. */
class RoomListingsTest {
    private RoomFixture f;

    @BeforeEach
    void start() {
        f = new RoomFixture(RoomFixture.rooms("listMax", 3));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    @DisplayName("rooms: sorted by name, paged with next, capped at rooms.listMax, with the total")
    void list() {
        for (String r : List.of("#e", "#B", "#d", "#a", "#c")) f.join("alice", r);
        f.join("bob", "#a");

        RoomListReply first = RoomListReply.fromJson(f.ask(RoomAddresses.LIST, new ListRoomsRequest(null, 2).toJson()));
        assertEquals(List.of("#a", "#b"), first.rooms().stream().map(RoomView::name).toList());
        assertEquals(new RoomView("#a", "#a", "", 2, -1), first.rooms().get(0));
        assertEquals("#B", first.rooms().get(1).display());
        assertEquals(6, first.total(), "five rooms and the default room");
        assertEquals("#b", first.next());

        RoomListReply capped = RoomListReply.fromJson(f.ask(RoomAddresses.LIST, new ListRoomsRequest(first.next(), 100).toJson()));
        assertEquals(List.of("#c", "#d", "#e"), capped.rooms().stream().map(RoomView::name).toList());
        RoomListReply last = RoomListReply.fromJson(f.ask(RoomAddresses.LIST, new ListRoomsRequest(capped.next(), 0).toJson()));
        assertEquals(List.of("#lobby"), last.rooms().stream().map(RoomView::name).toList());
        assertNull(last.next());
    }

    @Test
    @DisplayName("members: paged with online and op flags and the true count")
    void members() {
        for (String u : List.of("alice", "erin", "bob", "dave", "carol")) f.join(u, "#dev");
        f.moderate("alice", "#dev", OP, "carol");
        f.online("bob", "n1");

        MembersReply first = MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("zed", "#dev", null, 0).toJson()));
        assertEquals(List.of(new Member("alice", null, false, true), new Member("bob", "BOB", true, false),
                new Member("carol", null, false, true)), first.members());
        assertEquals(5, first.count());
        assertEquals("carol", first.next());
        MembersReply rest = MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("zed", "#dev", first.next(), 10).toJson()));
        assertEquals(List.of("dave", "erin"), rest.members().stream().map(Member::user).toList());
        assertNull(rest.next());
        f.refused(ChatError.NO_SUCH_ROOM, RoomAddresses.MEMBERS, new MembersRequest("zed", "#none", null, 0).toJson());
    }

    @Test
    @DisplayName("an invite-only room shows its members and topic to its members only")
    void inviteOnlyIsPrivate() {
        f.join("alice", "#secret");
        f.moderate("alice", "#secret", INVITE_ONLY, null);
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.MEMBERS, new MembersRequest("zed", "#secret", null, 0).toJson());
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.TOPIC, new TopicRequest("zed", "#secret", null).toJson());
        assertEquals(1, MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("alice", "#secret", null, 0).toJson())).count());
    }

    @Test
    @DisplayName("the implicit default room's members are the users online, paged, counted")
    void defaultRoomMembers() {
        for (String u : List.of("dave", "alice", "carol", "bob")) f.online(u, "n1");
        MembersReply first = MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("alice", "#lobby", null, 0).toJson()));
        assertEquals(List.of("alice", "bob", "carol"), first.members().stream().map(Member::user).toList());
        assertEquals(4, first.count());
        MembersReply rest = MembersReply.fromJson(f.ask(RoomAddresses.MEMBERS, new MembersRequest("alice", "#lobby", first.next(), 0).toJson()));
        assertEquals(List.of(new Member("dave", "DAVE", true, false)), rest.members());
    }
}
