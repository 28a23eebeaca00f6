package dev.parley.service.room;

import dev.parley.service.BusCheck;
import dev.parley.service.StoredMessages;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** {@link RoomAddresses#HISTORY}'s answer: {"room","messages":[message...],"more"}; oldest first; more: older ones exist. */
public record RoomHistoryReply(String room, List<StoredMessage> messages, boolean more) {
    static final int MAX_MESSAGES = 100_000;

    public JsonObject toJson() {
        return new JsonObject().put("room", room).put("messages", StoredMessages.toJson(messages)).put("more", more);
    }

    public static RoomHistoryReply fromJson(JsonObject j) {
        BusCheck.of(j).str("room", BusCheck.ID_MAX).optObjects("messages", MAX_MESSAGES, StoredMessages::rules).bool("more").orThrow();
        return new RoomHistoryReply(j.getString("room"), StoredMessages.fromJson(j.getJsonArray("messages")), j.getBoolean("more"));
    }
}
