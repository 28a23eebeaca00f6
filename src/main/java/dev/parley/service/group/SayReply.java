package dev.parley.service.group;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link dev.parley.service.room.RoomAddresses#SAY}'s answer: {"id","ts"}, the message's id and server time (epoch ms). */
public record SayReply(String id, long ts) {
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("ts", ts);
    }

    public static SayReply fromJson(JsonObject j) {
        BusCheck.of(j).str("id", BusCheck.ID_MAX).whole("ts").orThrow();
        return new SayReply(j.getString("id"), j.getLong("ts"));
    }
}
