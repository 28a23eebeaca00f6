package dev.parley.service.room;

import dev.parley.service.BusCheck;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.RoomChange;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.parley.service.Contracts.refuses;
import static dev.parley.service.Contracts.refusesNonObjects;
import static dev.parley.service.Contracts.roundTrips;
import static dev.parley.service.Contracts.tooLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RoomContractsTest {
    private static final RoomView DEV = new RoomView("#dev", "#Dev", "builds", 3, -1);
    private static final StoredMessage HI = new StoredMessage("m-1", "alice", "Alice", null, "hi", 1000, 7);

    @Test
    @DisplayName("every rooms request and reply crosses the bus unchanged")
    void roundTrip() {
        roundTrips(new JoinRoomRequest("alice", "Alice", "#Dev"), JoinRoomRequest::toJson, JoinRoomRequest::fromJson);
        roundTrips(new JoinRoomRequest("alice", null, "#Dev"), JoinRoomRequest::toJson, JoinRoomRequest::fromJson);
        roundTrips(new JoinRoomReply(DEV, true, 12), JoinRoomReply::toJson, JoinRoomReply::fromJson);
        roundTrips(new PartRequest("alice", "#dev", "bye"), PartRequest::toJson, PartRequest::fromJson);
        roundTrips(new PartRequest("alice", "#dev", null), PartRequest::toJson, PartRequest::fromJson);
        roundTrips(new RoomSayRequest("alice", "Alice", "#dev", "hi", "c-1"), RoomSayRequest::toJson, RoomSayRequest::fromJson);
        roundTrips(new RoomSayRequest("alice", null, "#dev", "hi", null), RoomSayRequest::toJson, RoomSayRequest::fromJson);
        roundTrips(new RoomSayRequest("alice", null, "#dev", "hi", null, Map.of("+draft/reply", "m-1")), RoomSayRequest::toJson, RoomSayRequest::fromJson);
        roundTrips(new RoomTagsRequest("alice", "Alice", "#dev", Map.of("+typing", "active")), RoomTagsRequest::toJson, RoomTagsRequest::fromJson);
        roundTrips(new RoomTagsRequest("alice", null, "#dev", Map.of()), RoomTagsRequest::toJson, RoomTagsRequest::fromJson);
        roundTrips(new TopicRequest("alice", "#dev", "new"), TopicRequest::toJson, TopicRequest::fromJson);
        roundTrips(new TopicRequest("alice", "#dev", null), TopicRequest::toJson, TopicRequest::fromJson);
        roundTrips(new TopicReply("#Dev", "new", "alice", 5), TopicReply::toJson, TopicReply::fromJson);
        roundTrips(new TopicReply("#Dev", "", null, 0), TopicReply::toJson, TopicReply::fromJson);
        for (ModerateRequest.Action a : ModerateRequest.Action.values()) {
            String target = a.targetsUser() ? "bob" : null;
            roundTrips(new ModerateRequest("alice", "#dev", a, target, "spam"), ModerateRequest::toJson, ModerateRequest::fromJson);
        }
        roundTrips(new ListRoomsRequest("#a", 10), ListRoomsRequest::toJson, ListRoomsRequest::fromJson);
        roundTrips(new ListRoomsRequest(null, 0), ListRoomsRequest::toJson, ListRoomsRequest::fromJson);
        roundTrips(new RoomListReply(List.of(DEV), 40, "#dev"), RoomListReply::toJson, RoomListReply::fromJson);
        roundTrips(new RoomListReply(List.of(), 0, null), RoomListReply::toJson, RoomListReply::fromJson);
        roundTrips(new MembersRequest("alice", "#dev", "bob", 5), MembersRequest::toJson, MembersRequest::fromJson);
        roundTrips(new MembersReply("#dev", List.of(new Member("bob", "Bob", true, false), new Member("carol", null, false, true)),
                9, "carol"), MembersReply::toJson, MembersReply::fromJson);
        roundTrips(new RoomHistoryRequest("alice", "#dev", "m-9", 20), RoomHistoryRequest::toJson, RoomHistoryRequest::fromJson);
        roundTrips(new RoomHistoryRequest("alice", "#dev", null, 20), RoomHistoryRequest::toJson, RoomHistoryRequest::fromJson);
        roundTrips(new RoomHistoryReply("#dev", List.of(HI), true), RoomHistoryReply::toJson, RoomHistoryReply::fromJson);
        roundTrips(new MyRoomsRequest("alice"), MyRoomsRequest::toJson, MyRoomsRequest::fromJson);
        roundTrips(new MyRoomsReply(List.of(new MyRoom("#lobby", "#lobby", 4, 3L), new MyRoom("#dev", "#Dev", 0, null))),
                MyRoomsReply::toJson, MyRoomsReply::fromJson);
        roundTrips(new MissedRequest("alice", "#dev", 40, 200), MissedRequest::toJson, MissedRequest::fromJson);
        roundTrips(new ReadPositionsRequest("alice", Map.of("#dev", 4L, "#lobby", 9L)), ReadPositionsRequest::toJson,
                ReadPositionsRequest::fromJson);
    }

    @Test
    @DisplayName("an invitation reaches the invited user's node as a room change of kind invited")
    void invitedChange() {
        RoomChange invited = new RoomChange("invited", "#dev", "#Dev", "bob", null, "alice", null, 5);
        assertEquals(invited, Delivery.fromJson(new JsonObject(invited.toJson().encode())));
    }

    @Test
    @DisplayName("optional fields are left out, not sent as null")
    void noNulls() {
        assertFalse(new PartRequest("a", "#r", null).toJson().containsKey("reason"));
        assertFalse(new RoomSayRequest("a", null, "#r", "t", null).toJson().containsKey("cid"));
        assertFalse(new TopicRequest("a", "#r", null).toJson().containsKey("text"));
        assertFalse(new ModerateRequest("a", "#r", ModerateRequest.Action.OPEN, null, null).toJson().containsKey("target"));
        assertFalse(new RoomListReply(List.of(), 0, null).toJson().containsKey("next"));
    }

    @Test
    @DisplayName("a missing or mistyped field, an unknown action or a target-less kick is refused, naming the field")
    void refusals() {
        refuses(JoinRoomRequest::fromJson, new JsonObject().put("user", "alice"), "room");
        refuses(JoinRoomRequest::fromJson, new JsonObject().put("user", "alice").put("room", tooLong(BusCheck.ID_MAX)), "room");
        refuses(PartRequest::fromJson, new JsonObject().put("user", "alice").put("room", 3), "room");
        refuses(RoomSayRequest::fromJson, new JsonObject().put("from", "a").put("room", "#r"), "text");
        refuses(RoomSayRequest::fromJson, new JsonObject().put("from", "a").put("room", "#r").put("text", "t")
                .put("cid", tooLong(BusCheck.ID_MAX)), "cid");
        refuses(ModerateRequest::fromJson, new JsonObject().put("by", "a").put("room", "#r").put("action", "shoot"), "action");
        refuses(ModerateRequest::fromJson, new JsonObject().put("by", "a").put("room", "#r").put("action", "kick"), "target");
        refuses(ListRoomsRequest::fromJson, new JsonObject().put("limit", 1.5), "limit");
        refuses(MembersRequest::fromJson, new JsonObject().put("user", "a"), "room");
        refuses(MissedRequest::fromJson, new JsonObject().put("user", "a").put("room", "#r"), "upTo");
        refuses(ReadPositionsRequest::fromJson, new JsonObject().put("user", "a").put("positions", new JsonObject().put("#r", "x")),
                "positions");
        refuses(RoomHistoryReply::fromJson, new JsonObject().put("room", "#r").put("more", false)
                .put("messages", new JsonArray().add(new JsonObject().put("id", "m"))), "messages[0].from");
        refuses(JoinRoomReply::fromJson, new JsonObject().put("room", DEV.toJson().copy().put("members", "many"))
                .put("created", true).put("head", 1), "room.members");
        refuses(MyRoomsReply::fromJson, new JsonObject().put("rooms", new JsonArray().add(new JsonObject().put("name", "#r"))),
                "rooms[0].display");
        refusesNonObjects(JoinRoomRequest::fromJson);
        refusesNonObjects(ModerateRequest::fromJson);
        refusesNonObjects(MyRoomsRequest::fromJson);
    }
}
