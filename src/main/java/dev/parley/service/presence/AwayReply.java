package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Answer to {@link AwayRequest}: whether that session was the user's current one (and now carries the status). */
public record AwayReply(boolean current) {
    public JsonObject toJson() {
        return new JsonObject().put("current", current);
    }

    /** @throws BusCheck.InvalidBody when "current" is missing or not a boolean */
    public static AwayReply fromJson(JsonObject j) {
        BusCheck.of(j).bool("current").orThrow();
        return new AwayReply(j.getBoolean("current"));
    }
}
