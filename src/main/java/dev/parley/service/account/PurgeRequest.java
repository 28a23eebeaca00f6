package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#PURGE}: {"user"}, whose mailbox and last-seen position go (their account is gone). */
public record PurgeRequest(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    public static PurgeRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).orThrow();
        return new PurgeRequest(j.getString("user"));
    }
}
