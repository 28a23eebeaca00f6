package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link AccountAddresses#DELETE_OWN}: {"user","password"?,"remote"?}, a user deleting their own account, proving
 * it with the password.
 *
 * @param remote the user's address, for the audit trail
 */
public record DeleteOwnRequest(String user, String password, String remote) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("remote", remote);
    }

    public static DeleteOwnRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("password", BusCheck.FIELD_MAX).optStr("remote", BusCheck.FIELD_MAX).orThrow();
        return new DeleteOwnRequest(j.getString("user"), j.getString("password"), j.getString("remote"));
    }
}
