package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link RoomAddresses#READ}: {"user","positions":{room: seq}}: the newest message of each room the session saw. */
public record ReadPositionsRequest(String user, Map<String, Long> positions) {
    public JsonObject toJson() {
        JsonObject p = new JsonObject();
        positions.forEach(p::put);
        return new JsonObject().put("user", user).put("positions", p);
    }

    public static ReadPositionsRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).optCounts("positions").orThrow();
        Map<String, Long> positions = new LinkedHashMap<>();
        JsonObject p = j.getJsonObject("positions", new JsonObject());
        for (String room : p.fieldNames()) positions.put(room, p.getLong(room));
        return new ReadPositionsRequest(j.getString("user"), positions);
    }
}
