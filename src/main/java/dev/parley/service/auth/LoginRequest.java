package dev.parley.service.auth;

import io.vertx.core.json.JsonObject;

/** @param address the client's remote IP, for per-address throttling of failures */
public record LoginRequest(String user, String password, String address) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("address", address);
    }

    public static LoginRequest fromJson(JsonObject j) {
        return new LoginRequest(j.getString("user"), j.getString("password"), j.getString("address"));
    }
}
