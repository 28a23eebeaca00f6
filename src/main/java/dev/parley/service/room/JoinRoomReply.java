package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link RoomAddresses#JOIN}'s answer: {"room":{...},"created","head"}.
 *
 * @param created true when this join created the room (the joiner is its owner)
 * @param head    the room's newest sequence number when joined: later messages reach the joiner live
 */
public record JoinRoomReply(RoomView room, boolean created, long head) {
    public JsonObject toJson() {
        return new JsonObject().put("room", room.toJson()).put("created", created).put("head", head);
    }

    public static JoinRoomReply fromJson(JsonObject j) {
        BusCheck.of(j).object("room", RoomView::rules).bool("created").whole("head").orThrow();
        return new JoinRoomReply(RoomView.fromJson(j.getJsonObject("room")), j.getBoolean("created"), j.getLong("head"));
    }
}
