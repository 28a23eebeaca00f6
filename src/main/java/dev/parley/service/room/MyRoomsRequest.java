package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#MINE}: {"user"}. */
public record MyRoomsRequest(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    public static MyRoomsRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).orThrow();
        return new MyRoomsRequest(j.getString("user"));
    }
}
