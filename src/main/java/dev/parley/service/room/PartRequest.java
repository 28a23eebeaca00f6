package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#PART}: {"user","room","reason"?}. */
public record PartRequest(String user, String room, String reason) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("room", room);
        if (reason != null) j.put("reason", reason);
        return j;
    }

    public static PartRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).str("room", BusCheck.ID_MAX).optStr("reason", BusCheck.FIELD_MAX).orThrow();
        return new PartRequest(j.getString("user"), j.getString("room"), j.getString("reason"));
    }
}
