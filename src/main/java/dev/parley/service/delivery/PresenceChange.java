package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@code user} came online or went offline ({@code name} may be null). Published to every node for the
 * default room, and to the address of each of the user's other rooms (issue 14).
 *
 * @param rooms the canonical names of the rooms it was published to, in publishing order (empty: the
 *              default room only, as before rooms). A recipient hears it once: through the first of these
 *              rooms it is a member of, whichever copies reach its node.
 */
public record PresenceChange(String user, String name, boolean online, java.util.List<String> rooms) implements Delivery {
    public PresenceChange(String user, String name, boolean online) {
        this(user, name, online, java.util.List.of());
    }

    @Override
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("type", PRESENCE).put("user", user).put("name", name).put("online", online);
        if (!rooms.isEmpty()) j.put("rooms", new io.vertx.core.json.JsonArray(rooms));
        return j;
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static PresenceChange fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).bool("online")
                .optStrs("rooms", 100_001, BusCheck.ID_MAX).orThrow();
        io.vertx.core.json.JsonArray rooms = j.getJsonArray("rooms");
        return new PresenceChange(j.getString("user"), j.getString("name"), j.getBoolean("online"),
                rooms == null ? java.util.List.of() : rooms.stream().map(String.class::cast).toList());
    }
}
