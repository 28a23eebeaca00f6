package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Published to a room's address like a {@link RoomMessage}: a message of client-only tags (TAGMSG), live only.
 *
 * @param room    canonical name
 * @param display the room's display name, shown to users
 */
public record RoomTags(String room, String display, String from, String name, String id, long ts,
                       Map<String, String> tags) implements Delivery {
    public RoomTags {
        tags = tags == null ? Map.of() : tags;
    }

    @Override
    public JsonObject toJson() {
        return BusTags.put(new JsonObject().put("type", ROOM_TAGS).put("room", room).put("display", display)
                .put("from", from).put("name", name).put("id", id).put("ts", ts), tags);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static RoomTags fromJson(JsonObject j) {
        BusCheck.of(j).str("room", BusCheck.ID_MAX).str("display", BusCheck.ID_MAX).str("from", BusCheck.ID_MAX)
                .optStr("name", BusCheck.FIELD_MAX).str("id", BusCheck.ID_MAX).whole("ts").orThrow();
        return new RoomTags(j.getString("room"), j.getString("display"), j.getString("from"), j.getString("name"),
                j.getString("id"), j.getLong("ts"), BusTags.read(j));
    }
}
