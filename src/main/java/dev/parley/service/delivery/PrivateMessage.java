package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Sent as a request to the node holding the recipient's session; answered with {@link Delivered} once the
 * bytes reached the recipient's socket (or at once with false when the recipient is not there).
 *
 * @param tags client-only tags sent with it, relayed live only (a stored copy has none); empty when none
 */
public record PrivateMessage(StoredMessage message, Map<String, String> tags) implements Delivery {
    public PrivateMessage {
        tags = tags == null ? Map.of() : tags;
    }

    public PrivateMessage(StoredMessage message) {
        this(message, Map.of());
    }

    @Override
    public JsonObject toJson() {
        return BusTags.put(new JsonObject().put("type", PRIVATE).put("message", message.toJson()), tags);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static PrivateMessage fromJson(JsonObject j) {
        BusCheck.of(j).object("message", m -> StoredMessages.check(m).str("to", BusCheck.FIELD_MAX)).orThrow();
        return new PrivateMessage(StoredMessage.fromJson(j.getJsonObject("message")), BusTags.read(j));
    }
}
