package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** An operator closes a user's session; {@code reason} is shown to them (null: the default text). */
public record KickRequest(String user, String reason) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("reason", reason);
    }

    public static KickRequest fromJson(JsonObject j) {
        return new KickRequest(j.getString("user"), j.getString("reason"));
    }
}
