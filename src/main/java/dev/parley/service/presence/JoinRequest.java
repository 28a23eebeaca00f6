package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link PresenceAddresses#JOIN}: {@code session} of {@code user} is now held by {@code node}. Answered
 * with an {@link OnlineListing} of the others.
 */
public record JoinRequest(String user, String name, String node, String session) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name).put("node", node).put("session", session);
    }

    /** @throws BusCheck.InvalidBody when a field is missing, of the wrong type or too long */
    public static JoinRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .str("node", BusCheck.ID_MAX).str("session", BusCheck.ID_MAX).orThrow();
        return new JoinRequest(j.getString("user"), j.getString("name"), j.getString("node"), j.getString("session"));
    }
}
