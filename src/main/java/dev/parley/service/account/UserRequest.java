package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** An action on one account that needs nothing but its id (admin delete, purge). */
public record UserRequest(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    public static UserRequest fromJson(JsonObject j) {
        return new UserRequest(j.getString("user"));
    }
}
