package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Published to a room's address: someone joined, parted, was kicked (or banned, which removes), or the
 * topic changed. Sent to one user's node ({@link NodeAddresses#node}): "invited", for that user only. Nodes update their local membership index from it (a kicked user stops receiving) and
 * show it to the room's local online members.
 *
 * @param kind one of {@link dev.parley.protocol.Ops#JOINED}, PARTED, KICKED, TOPIC, INVITED
 * @param user who joined, parted, was kicked or invited (null for a topic change)
 * @param by   who kicked, invited or set the topic
 * @param text the reason, or the new topic
 */
public record RoomChange(String kind, String room, String display, String user, String name, String by, String text,
                         long ts) implements Delivery {
    public static final Set<String> KINDS = Set.of("joined", "parted", "kicked", "topic", "invited");

    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", ROOM_CHANGE).put("kind", kind).put("room", room).put("display", display)
                .put("user", user).put("name", name).put("by", by).put("text", text).put("ts", ts);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static RoomChange fromJson(JsonObject j) {
        BusCheck.of(j).oneOf("kind", KINDS).str("room", BusCheck.ID_MAX).str("display", BusCheck.ID_MAX)
                .optStr("user", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).optStr("by", BusCheck.ID_MAX)
                .optStr("text", BusCheck.FIELD_MAX).whole("ts").orThrow();
        return new RoomChange(j.getString("kind"), j.getString("room"), j.getString("display"), j.getString("user"),
                j.getString("name"), j.getString("by"), j.getString("text"), j.getLong("ts"));
    }
}
