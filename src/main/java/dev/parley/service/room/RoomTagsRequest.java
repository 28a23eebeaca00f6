package dev.parley.service.room;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * {@link RoomAddresses#TAGS}: {"from","name"?,"room","tags"?}, a message of client-only tags (IRCv3 TAGMSG: typing,
 * reactions) for the room's online members. Only members may send it; it is published, never stored.
 */
public record RoomTagsRequest(String from, String name, String room, Map<String, String> tags) {
    public RoomTagsRequest {
        tags = tags == null ? Map.of() : tags;
    }

    public JsonObject toJson() {
        return BusTags.put(new JsonObject().put("from", from).put("name", name).put("room", room), tags);
    }

    /** @throws BusCheck.InvalidBody naming the first problem (tags that are not relayable client tags included) */
    public static RoomTagsRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("from", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).str("room", BusCheck.ID_MAX).orThrow();
        return new RoomTagsRequest(j.getString("from"), j.getString("name"), j.getString("room"), BusTags.read(j));
    }
}
