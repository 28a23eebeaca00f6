package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** A user changes their own password; {@code remote} is their address, for the audit trail. */
public record ChangePasswordRequest(String user, String oldPassword, String newPassword, String remote) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("old", oldPassword).put("new", newPassword).put("remote", remote);
    }

    public static ChangePasswordRequest fromJson(JsonObject j) {
        return new ChangePasswordRequest(j.getString("user"), j.getString("old"), j.getString("new"), j.getString("remote"));
    }
}
