package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** An operator locks ({@code locked} true) or unlocks an account. */
public record LockRequest(String user, boolean locked) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("locked", locked);
    }

    public static LockRequest fromJson(JsonObject j) {
        return new LockRequest(j.getString("user"), j.getBoolean("locked", true));
    }
}
