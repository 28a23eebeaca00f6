package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#JOIN}: {"user","name"?,"room"}; {@code room} as typed (validated by the service). */
public record JoinRoomRequest(String user, String name, String room) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name).put("room", room);
    }

    public static JoinRoomRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).str("room", BusCheck.ID_MAX).orThrow();
        return new JoinRoomRequest(j.getString("user"), j.getString("name"), j.getString("room"));
    }
}
