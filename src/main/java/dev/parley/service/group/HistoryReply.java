package dev.parley.service.group;

import dev.parley.service.BusCheck;
import dev.parley.service.StoredMessages;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * {@link GroupAddresses#HISTORY}'s answer: {"messages":[message...],"skipped":n}.
 *
 * @param messages what the user missed, oldest first, without their own messages
 * @param skipped  missed messages left out (beyond history.replayMax or older than history.maxAgeHours)
 */
public record HistoryReply(List<StoredMessage> messages, long skipped) {
    /** A reply can carry no more than the history keeps (history.maxMessages' ceiling). */
    static final int MAX_MESSAGES = 1_000_000;

    public JsonObject toJson() {
        return new JsonObject().put("messages", StoredMessages.toJson(messages)).put("skipped", skipped);
    }

    public static HistoryReply fromJson(JsonObject j) {
        BusCheck.of(j).optObjects("messages", MAX_MESSAGES, StoredMessages::rules).whole("skipped").orThrow();
        return new HistoryReply(StoredMessages.fromJson(j.getJsonArray("messages")), j.getLong("skipped"));
    }
}
