package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link AccountAddresses#RENAME}: {"user","name"?,"remote"?}, a user changing their display name (checked by the
 * service with the rules of registration).
 *
 * @param remote the user's address, for the audit trail
 */
public record RenameRequest(String user, String name, String remote) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name).put("remote", remote);
    }

    public static RenameRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).optStr("remote", BusCheck.FIELD_MAX).orThrow();
        return new RenameRequest(j.getString("user"), j.getString("name"), j.getString("remote"));
    }
}
