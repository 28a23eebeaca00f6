package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#LIST}: {"after"?,"limit"}: rooms with names after {@code after}, sorted (paging). */
public record ListRoomsRequest(String after, int limit) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("limit", limit);
        if (after != null) j.put("after", after);
        return j;
    }

    public static ListRoomsRequest fromJson(JsonObject j) {
        BusCheck.of(j).optStr("after", BusCheck.ID_MAX).optInt("limit").orThrow();
        return new ListRoomsRequest(j.getString("after"), j.getInteger("limit", 0));
    }
}
