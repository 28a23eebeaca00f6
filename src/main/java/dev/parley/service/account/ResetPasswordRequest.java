package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#RESET_PASSWORD}: {"user","password"?}, an operator setting a new password (length rules apply). */
public record ResetPasswordRequest(String user, String password) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password);
    }

    public static ResetPasswordRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("password", BusCheck.FIELD_MAX).orThrow();
        return new ResetPasswordRequest(j.getString("user"), j.getString("password"));
    }
}
