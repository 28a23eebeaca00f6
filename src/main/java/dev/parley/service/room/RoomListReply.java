package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** {@link RoomAddresses#LIST}'s answer: {"rooms":[room...],"total","next"?}; next: the "after" of the next page. */
public record RoomListReply(List<RoomView> rooms, long total, String next) {
    static final int MAX_ROOMS = 100_000;

    public JsonObject toJson() {
        JsonArray a = new JsonArray();
        rooms.forEach(r -> a.add(r.toJson()));
        JsonObject j = new JsonObject().put("rooms", a).put("total", total);
        if (next != null) j.put("next", next);
        return j;
    }

    public static RoomListReply fromJson(JsonObject j) {
        BusCheck.of(j).optObjects("rooms", MAX_ROOMS, RoomView::rules).whole("total").optStr("next", BusCheck.ID_MAX).orThrow();
        JsonArray a = j.getJsonArray("rooms", new JsonArray());
        List<RoomView> rooms = a.stream().map(o -> RoomView.fromJson((JsonObject) o)).toList();
        return new RoomListReply(rooms, j.getLong("total"), j.getString("next"));
    }
}
