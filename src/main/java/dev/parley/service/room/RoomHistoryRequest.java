package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#HISTORY}: {"user","room","before"?,"limit"}: up to limit messages older than message id {@code before}. */
public record RoomHistoryRequest(String user, String room, String before, int limit) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("room", room).put("limit", limit);
        if (before != null) j.put("before", before);
        return j;
    }

    public static RoomHistoryRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).str("room", BusCheck.ID_MAX).optStr("before", BusCheck.ID_MAX)
                .optInt("limit").orThrow();
        return new RoomHistoryRequest(j.getString("user"), j.getString("room"), j.getString("before"), j.getInteger("limit", 0));
    }
}
