package dev.parley.service.account;

import io.vertx.core.json.JsonObject;

/** An operator's notice to every online user on every node. */
public record NoticeRequest(String text) {
    public JsonObject toJson() {
        return new JsonObject().put("text", text);
    }

    public static NoticeRequest fromJson(JsonObject j) {
        return new NoticeRequest(j.getString("text"));
    }
}
