package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link PresenceAddresses#AWAY}: {@code session} of {@code user} is away with {@code text}, or back (null).
 * Answered with an {@link AwayReply}.
 */
public record AwayRequest(String user, String session, String text) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("session", session);
        if (text != null) j.put("text", text);
        return j;
    }

    /** @throws BusCheck.InvalidBody when a field is missing, of the wrong type or too long */
    public static AwayRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).str("session", BusCheck.ID_MAX)
                .optStr("text", BusCheck.FIELD_MAX).orThrow();
        return new AwayRequest(j.getString("user"), j.getString("session"), j.getString("text"));
    }
}
