package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

/** Published to every node: a stored group message (it has no "to"). */
public record GroupMessage(StoredMessage message) implements Delivery {
    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", GROUP).put("message", message.toJson());
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static GroupMessage fromJson(JsonObject j) {
        BusCheck.of(j).object("message", m -> StoredMessages.check(m).absent("to")).orThrow();
        return new GroupMessage(StoredMessage.fromJson(j.getJsonObject("message")));
    }
}
