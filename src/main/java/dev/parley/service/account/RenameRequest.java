package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** A user changes their display name. */
public record RenameRequest(String user, String name, String remote) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name).put("remote", remote);
    }

    public static RenameRequest fromJson(JsonObject j) {
        return new RenameRequest(j.getString("user"), j.getString("name"), j.getString("remote"));
    }
}
