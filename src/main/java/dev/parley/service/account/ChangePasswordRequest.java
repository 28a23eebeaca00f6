package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link AccountAddresses#CHANGE_PASSWORD}: {"user","old"?,"new"?,"remote"?}, a user changing their own password.
 * Missing passwords get the service's own errors (BAD_REQUEST, INVALID_PASSWORD).
 *
 * @param remote the user's address, for the audit trail
 */
public record ChangePasswordRequest(String user, String oldPassword, String newPassword, String remote) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("old", oldPassword).put("new", newPassword).put("remote", remote);
    }

    public static ChangePasswordRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("old", BusCheck.FIELD_MAX).optStr("new", BusCheck.FIELD_MAX).optStr("remote", BusCheck.FIELD_MAX).orThrow();
        return new ChangePasswordRequest(j.getString("user"), j.getString("old"), j.getString("new"), j.getString("remote"));
    }
}
