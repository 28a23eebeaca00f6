package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link PresenceAddresses#LOCATE}: where is {@code user}'s session? Answered with a {@link Location}. */
public record LocateRequest(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    /** @throws BusCheck.InvalidBody when "user" is missing, not a string or too long */
    public static LocateRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).orThrow();
        return new LocateRequest(j.getString("user"));
    }
}
