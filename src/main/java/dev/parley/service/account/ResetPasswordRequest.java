package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** An operator sets a new password for an account. */
public record ResetPasswordRequest(String user, String password) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password);
    }

    public static ResetPasswordRequest fromJson(JsonObject j) {
        return new ResetPasswordRequest(j.getString("user"), j.getString("password"));
    }
}
