package dev.parley.service.mailbox;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link MailboxAddresses#FETCH}: {"user","upTo"?}, everything a user missed while offline.
 *
 * @param upTo the newest group position to replay (the head read at login); later messages reach the session
 *             live. Null: no bound
 */
public record FetchRequest(String user, Long upTo) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user);
        if (upTo != null) j.put("upTo", upTo);
        return j;
    }

    public static FetchRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optLong("upTo").orThrow();
        return new FetchRequest(j.getString("user"), j.getLong("upTo"));
    }
}
