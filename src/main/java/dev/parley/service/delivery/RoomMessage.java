package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Published to a room's address ({@link dev.parley.service.room.RoomAddresses#events}), or to
 * {@link NodeAddresses#ALL} for the default room: a stored room message (it has no "to"; seq is the room's).
 *
 * @param room    canonical name
 * @param display the room's display name, shown to users
 * @param tags    client-only tags sent with it, relayed live only (the stored message has none); empty when none
 */
public record RoomMessage(String room, String display, StoredMessage message, Map<String, String> tags) implements Delivery {
    public RoomMessage {
        tags = tags == null ? Map.of() : tags;
    }

    public RoomMessage(String room, String display, StoredMessage message) {
        this(room, display, message, Map.of());
    }

    @Override
    public JsonObject toJson() {
        return BusTags.put(new JsonObject().put("type", ROOM_MESSAGE).put("room", room).put("display", display)
                .put("message", message.toJson()), tags);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static RoomMessage fromJson(JsonObject j) {
        BusCheck.of(j).str("room", BusCheck.ID_MAX).str("display", BusCheck.ID_MAX)
                .object("message", m -> StoredMessages.check(m).absent("to")).orThrow();
        return new RoomMessage(j.getString("room"), j.getString("display"), StoredMessage.fromJson(j.getJsonObject("message")),
                BusTags.read(j));
    }
}
