package dev.parley.service.node;

import io.vertx.core.json.JsonObject;

/** Published to every node: a notice for every online user ({@code code} e.g. "ADMIN"). */
public record ServerNotice(String code, String message) {
    public JsonObject toJson() {
        return new JsonObject().put("type", Delivery.NOTICE).put("code", code).put("message", message);
    }

    /** The delivery, or null when the body is not a valid one (it comes from another node). */
    public static ServerNotice fromJson(JsonObject j) {
        if (!(j.getValue("code") instanceof String code) || !(j.getValue("message") instanceof String message)) return null;
        return new ServerNotice(code, message);
    }
}
