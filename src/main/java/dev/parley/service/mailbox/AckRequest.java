package dev.parley.service.mailbox;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link MailboxAddresses#ACK}: {"user","seqs":[mailbox seq...]?,"groupSeq"?}: what a fetch returned was written
 * to the user's socket.
 *
 * @param seqs     private messages to remove from the mailbox
 * @param groupSeq the user's new last-seen group position (it never moves backwards), or null
 */
public record AckRequest(String user, List<Long> seqs, Long groupSeq) {
    /** An ack names at most the messages one fetch returns (mailbox.maxMessagesPerUser's ceiling). */
    static final int MAX_SEQS = 1_000_000;

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("seqs", new JsonArray(new ArrayList<>(seqs)));
        if (groupSeq != null) j.put("groupSeq", groupSeq);
        return j;
    }

    public static AckRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optLongs("seqs", MAX_SEQS).optLong("groupSeq").orThrow();
        List<Long> seqs = new ArrayList<>();
        j.getJsonArray("seqs", new JsonArray()).forEach(o -> seqs.add(((Number) o).longValue()));
        return new AckRequest(j.getString("user"), List.copyOf(seqs), j.getLong("groupSeq"));
    }
}
