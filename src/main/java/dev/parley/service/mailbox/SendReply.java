package dev.parley.service.mailbox;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link MailboxAddresses#SEND}'s answer: {"id","ts","stored"}.
 *
 * @param stored true: kept in the receiver's mailbox for their next login; false: written to their socket
 */
public record SendReply(String id, long ts, boolean stored) {
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("ts", ts).put("stored", stored);
    }

    public static SendReply fromJson(JsonObject j) {
        BusCheck.of(j).str("id", BusCheck.ID_MAX).whole("ts").bool("stored").orThrow();
        return new SendReply(j.getString("id"), j.getLong("ts"), j.getBoolean("stored"));
    }
}
