package dev.parley.service.node;

import dev.parley.protocol.ByeReason;
import io.vertx.core.json.JsonObject;

/**
 * Sent as a request to the node holding {@code user}'s session: it says bye with {@code reason} and
 * {@code message}, records the departure, then answers {"closed": true|false}. The answer comes after the
 * departure was recorded, so the caller can then erase what the session's leaving writes (e.g. last-seen).
 */
public record CloseUser(String user, ByeReason reason, String message) {
    public JsonObject toJson() {
        return new JsonObject().put("type", Delivery.CLOSE_USER).put("user", user).put("reason", reason.name())
                .put("message", message);
    }

    /** The delivery, or null when the body is not a valid one (it comes from another node). */
    public static CloseUser fromJson(JsonObject j) {
        if (!(j.getValue("user") instanceof String user) || !(j.getValue("reason") instanceof String reason)) return null;
        Object message = j.getValue("message");
        if (message != null && !(message instanceof String)) return null;
        try {
            return new CloseUser(user, ByeReason.valueOf(reason), (String) message);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
