package dev.parley.service.auth;

import io.vertx.core.json.JsonObject;

public record RegisterRequest(String user, String password, String name) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("name", name);
    }

    public static RegisterRequest fromJson(JsonObject j) {
        return new RegisterRequest(j.getString("user"), j.getString("password"), j.getString("name"));
    }
}
