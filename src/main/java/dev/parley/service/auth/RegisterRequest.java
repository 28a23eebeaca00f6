package dev.parley.service.auth;

import io.vertx.core.json.JsonObject;

/** @param address the client's remote IP, for the per-address registration limit */
public record RegisterRequest(String user, String password, String name, String address) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("name", name).put("address", address);
    }

    public static RegisterRequest fromJson(JsonObject j) {
        return new RegisterRequest(j.getString("user"), j.getString("password"), j.getString("name"), j.getString("address"));
    }
}
