package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** {@link RoomAddresses#MINE}'s answer: {"rooms":[room...]}; the default room first when auto-joined. */
public record MyRoomsReply(List<MyRoom> rooms) {
    static final int MAX_ROOMS = 100_001;

    public JsonObject toJson() {
        JsonArray a = new JsonArray();
        rooms.forEach(r -> a.add(r.toJson()));
        return new JsonObject().put("rooms", a);
    }

    public static MyRoomsReply fromJson(JsonObject j) {
        BusCheck.of(j).optObjects("rooms", MAX_ROOMS, MyRoom::rules).orThrow();
        return new MyRoomsReply(j.getJsonArray("rooms", new JsonArray()).stream().map(o -> MyRoom.fromJson((JsonObject) o)).toList());
    }
}
