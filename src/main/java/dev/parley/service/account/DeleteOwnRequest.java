package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** A user deletes their own account, proving it with the password. */
public record DeleteOwnRequest(String user, String password, String remote) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("remote", remote);
    }

    public static DeleteOwnRequest fromJson(JsonObject j) {
        return new DeleteOwnRequest(j.getString("user"), j.getString("password"), j.getString("remote"));
    }
}
