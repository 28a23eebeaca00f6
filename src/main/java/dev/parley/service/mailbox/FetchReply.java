package dev.parley.service.mailbox;

import dev.parley.service.BusCheck;
import dev.parley.service.StoredMessages;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * {@link MailboxAddresses#FETCH}'s answer: {"private":[message...],"expired":n,"group":[message...],"skipped":n},
 * each list oldest first. Nothing is removed until {@link MailboxAddresses#ACK}.
 *
 * @param privateMessages stored private mail still within mailbox.maxAgeDays
 * @param expired         private messages dropped as too old
 * @param group           missed group messages (from the group service's HISTORY)
 * @param skipped         missed group messages left out (too many or too old)
 */
public record FetchReply(List<StoredMessage> privateMessages, long expired, List<StoredMessage> group, long skipped) {
    /** At most what a mailbox or the history can hold (their limits' ceilings). */
    static final int MAX_MESSAGES = 1_000_000;

    public JsonObject toJson() {
        return new JsonObject().put("private", StoredMessages.toJson(privateMessages)).put("expired", expired)
                .put("group", StoredMessages.toJson(group)).put("skipped", skipped);
    }

    public static FetchReply fromJson(JsonObject j) {
        BusCheck.of(j).optObjects("private", MAX_MESSAGES, StoredMessages::rules).whole("expired")
                .optObjects("group", MAX_MESSAGES, StoredMessages::rules).whole("skipped").orThrow();
        return new FetchReply(StoredMessages.fromJson(j.getJsonArray("private")), j.getLong("expired"),
                StoredMessages.fromJson(j.getJsonArray("group")), j.getLong("skipped"));
    }
}
