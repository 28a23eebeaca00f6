package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#TOPIC}'s answer: {"room","topic","by"?,"ts"}; room is the display name. */
public record TopicReply(String room, String topic, String by, long ts) {
    public JsonObject toJson() {
        return new JsonObject().put("room", room).put("topic", topic).put("by", by).put("ts", ts);
    }

    public static TopicReply fromJson(JsonObject j) {
        BusCheck.of(j).str("room", BusCheck.ID_MAX).str("topic", BusCheck.FIELD_MAX).optStr("by", BusCheck.ID_MAX)
                .whole("ts").orThrow();
        return new TopicReply(j.getString("room"), j.getString("topic"), j.getString("by"), j.getLong("ts"));
    }
}
