package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Published to a room's address: someone joined, parted, was kicked (or banned, which removes), the
 * topic changed, or an operator changed a mode (kind "mode": op, ban, invite-only). Sent to one user's node ({@link NodeAddresses#node}): "invited", for that user only. Nodes update their local membership index from it (a kicked user stops receiving) and
 * show it to the room's local online members.
 *
 * @param kind one of {@link dev.parley.protocol.Ops#JOINED}, PARTED, KICKED, TOPIC, INVITED, MODE
 * @param user who joined, parted, was kicked or invited; whom a mode change names (null for a topic or +i/-i)
 * @param by   who kicked, invited, set the topic or changed the mode
 * @param text the reason, the new topic, or the mode change ({@link #MODE_CHANGES}: "+o", "-b", "+i"...)
 */
public record RoomChange(String kind, String room, String display, String user, String name, String by, String text,
                         long ts) implements Delivery {
    public static final Set<String> KINDS = Set.of("joined", "parted", "kicked", "topic", "invited", "mode");
    /** The mode changes a "mode" change may carry: operator, ban (both name a user) and invite-only. */
    public static final Set<String> MODE_CHANGES = Set.of("+o", "-o", "+b", "-b", "+i", "-i");

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
        if ("mode".equals(j.getString("kind"))) {
            String change = j.getString("text");
            if (!MODE_CHANGES.contains(change)) throw new BusCheck.InvalidBody("text: expected one of " + MODE_CHANGES);
            if (!change.endsWith("i") && j.getString("user") == null) throw new BusCheck.InvalidBody("user: expected a string");
        }
        return new RoomChange(j.getString("kind"), j.getString("room"), j.getString("display"), j.getString("user"),
                j.getString("name"), j.getString("by"), j.getString("text"), j.getLong("ts"));
    }
}
