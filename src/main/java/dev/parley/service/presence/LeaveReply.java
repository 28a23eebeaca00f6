package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Answer to {@link LeaveRequest}: whether that session was still the user's current one (and is gone now). */
public record LeaveReply(boolean removed) {
    public JsonObject toJson() {
        return new JsonObject().put("removed", removed);
    }

    /** @throws BusCheck.InvalidBody when "removed" is missing or not a boolean */
    public static LeaveReply fromJson(JsonObject j) {
        BusCheck.of(j).bool("removed").orThrow();
        return new LeaveReply(j.getBoolean("removed"));
    }
}
