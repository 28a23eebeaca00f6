package dev.parley.service.delivery;

import dev.parley.protocol.ByeReason;
import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * Sent as a request to the node holding {@code user}'s session: it says bye with {@code reason} and
 * {@code message}, records the departure, then answers with {@link Closed}. The answer comes after the
 * departure was recorded, so the caller can then erase what the session's leaving writes (e.g. last-seen).
 */
public record CloseUser(String user, ByeReason reason, String message) implements Delivery {
    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", CLOSE_USER).put("user", user).put("reason", reason.name())
                .put("message", message);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static CloseUser fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).oneOf("reason", Kick.BYE_REASONS)
                .optStr("message", BusCheck.FIELD_MAX).orThrow();
        return new CloseUser(j.getString("user"), ByeReason.valueOf(j.getString("reason")), j.getString("message"));
    }
}
