package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Answer to {@link Ping}: the node that answered. */
public record Pong(String node) {
    public JsonObject toJson() {
        return new JsonObject().put("node", node);
    }

    /** @throws BusCheck.InvalidBody when "node" is missing or not a string */
    public static Pong fromJson(JsonObject j) {
        BusCheck.of(j).str("node", BusCheck.ID_MAX).orThrow();
        return new Pong(j.getString("node"));
    }
}
