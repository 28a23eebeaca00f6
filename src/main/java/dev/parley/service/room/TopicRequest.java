package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#TOPIC}: {"user","room","text"?}; without text, reads the topic (members only when invite-only). */
public record TopicRequest(String user, String room, String text) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("room", room);
        if (text != null) j.put("text", text);
        return j;
    }

    public static TopicRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).str("room", BusCheck.ID_MAX).optStr("text", BusCheck.FIELD_MAX).orThrow();
        return new TopicRequest(j.getString("user"), j.getString("room"), j.getString("text"));
    }
}
