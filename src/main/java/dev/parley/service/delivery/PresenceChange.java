package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Published to every node: {@code user} came online or went offline ({@code name} may be null). */
public record PresenceChange(String user, String name, boolean online) implements Delivery {
    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", PRESENCE).put("user", user).put("name", name).put("online", online);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static PresenceChange fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).bool("online").orThrow();
        return new PresenceChange(j.getString("user"), j.getString("name"), j.getBoolean("online"));
    }
}
