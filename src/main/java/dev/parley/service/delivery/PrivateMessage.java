package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

/**
 * Sent as a request to the node holding the recipient's session; answered with {@link Delivered} once the
 * bytes reached the recipient's socket (or at once with false when the recipient is not there).
 */
public record PrivateMessage(StoredMessage message) implements Delivery {
    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", PRIVATE).put("message", message.toJson());
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static PrivateMessage fromJson(JsonObject j) {
        BusCheck.of(j).object("message", m -> StoredMessages.check(m).str("to", BusCheck.FIELD_MAX)).orThrow();
        return new PrivateMessage(StoredMessage.fromJson(j.getJsonObject("message")));
    }
}
