package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Answer to {@link PrivateMessage}: true once written to the recipient's socket, false when not there. */
public record Delivered(boolean delivered) {
    public JsonObject toJson() {
        return new JsonObject().put("delivered", delivered);
    }

    /** @throws BusCheck.InvalidBody when "delivered" is missing or not a boolean */
    public static Delivered fromJson(JsonObject j) {
        BusCheck.of(j).bool("delivered").orThrow();
        return new Delivered(j.getBoolean("delivered"));
    }
}
