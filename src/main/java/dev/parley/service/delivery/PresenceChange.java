package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * {@code user} came online or went offline ({@code name} may be null), or, online, changed their away status.
 * Published to every node for the default room, and to the address of each of the user's other rooms (issue 14).
 *
 * @param rooms      the canonical names of the rooms it was published to, in publishing order (empty: the
 *                   default room only, as before rooms). A recipient hears it once: through the first of these
 *                   rooms it is a member of, whichever copies reach its node.
 * @param awayChange true: not an arrival but a change of away status, to {@code away} (null: back)
 * @param reason     why an offline user left when it was not their doing ({@code PresenceEvent.NODE_LOST}), else null
 */
public record PresenceChange(String user, String name, boolean online, List<String> rooms, boolean awayChange,
                             String away, String reason) implements Delivery {
    public PresenceChange(String user, String name, boolean online) {
        this(user, name, online, List.of());
    }

    public PresenceChange(String user, String name, boolean online, List<String> rooms) {
        this(user, name, online, rooms, false, null, null);
    }

    /** {@code user} went offline because their node died (announced by a survivor). */
    public static PresenceChange nodeLost(String user, String name) {
        return new PresenceChange(user, name, false, List.of(), false, null, dev.parley.protocol.PresenceEvent.NODE_LOST);
    }

    /** {@code user} (online) is now away with {@code away}, or back when it is null. */
    public static PresenceChange away(String user, String name, String away, List<String> rooms) {
        return new PresenceChange(user, name, true, rooms, true, away, null);
    }

    @Override
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("type", PRESENCE).put("user", user).put("name", name).put("online", online);
        if (!rooms.isEmpty()) j.put("rooms", new JsonArray(rooms));
        if (awayChange) {
            j.put("awayChange", true);
            if (away != null) j.put("away", away);
        }
        if (reason != null) j.put("reason", reason);
        return j;
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static PresenceChange fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).bool("online")
                .optStrs("rooms", 100_001, BusCheck.ID_MAX).optBool("awayChange").optStr("away", BusCheck.FIELD_MAX)
                .optStr("reason", BusCheck.ID_MAX).orThrow();
        JsonArray rooms = j.getJsonArray("rooms");
        boolean awayChange = j.getBoolean("awayChange", false);
        return new PresenceChange(j.getString("user"), j.getString("name"), j.getBoolean("online"),
                rooms == null ? List.of() : rooms.stream().map(String.class::cast).toList(),
                awayChange, awayChange ? j.getString("away") : null, j.getBoolean("online") ? null : j.getString("reason"));
    }
}
