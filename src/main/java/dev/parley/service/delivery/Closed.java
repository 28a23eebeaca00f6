package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Answer to {@link CloseUser}: whether the node held an open session of the user (now closed). */
public record Closed(boolean closed) {
    public JsonObject toJson() {
        return new JsonObject().put("closed", closed);
    }

    /** @throws BusCheck.InvalidBody when "closed" is missing or not a boolean */
    public static Closed fromJson(JsonObject j) {
        BusCheck.of(j).bool("closed").orThrow();
        return new Closed(j.getBoolean("closed"));
    }
}
