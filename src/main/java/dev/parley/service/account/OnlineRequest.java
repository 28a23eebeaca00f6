package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** A page (1-based) of who is online, for operators. */
public record OnlineRequest(int page, int size) {
    public JsonObject toJson() {
        return new JsonObject().put("page", page).put("size", size);
    }

    public static OnlineRequest fromJson(JsonObject j) {
        return new OnlineRequest(j.getInteger("page", 1), j.getInteger("size", 50));
    }
}
