package dev.parley.store;

import io.vertx.core.json.JsonObject;

/**
 * A chat message as kept in storage (mailbox or group history).
 *
 * @param to  the private recipient, or null for a group message
 * @param seq position in its log (group history sequence or mailbox order); 0 before it is stored
 */
public record StoredMessage(String id, String from, String name, String to, String text, long ts, long seq) {

    public StoredMessage withSeq(long newSeq) {
        return new StoredMessage(id, from, name, to, text, ts, newSeq);
    }

    /** The same message under another id and time (a retry sent again under the first attempt's). */
    public StoredMessage withIdAndTs(String newId, long newTs) {
        return new StoredMessage(newId, from, name, to, text, newTs, seq);
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("id", id).put("from", from).put("name", name)
                .put("text", text).put("ts", ts).put("seq", seq);
        if (to != null) j.put("to", to);
        return j;
    }

    /**
     * What the message costs in a mailbox quota: the UTF-8 bytes of its JSON without seq, which is what the
     * stores keep (Redis counts the same bytes inside its script).
     */
    public int sizeBytes() {
        return withSeq(0).toJson().encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public static StoredMessage fromJson(JsonObject j) {
        return new StoredMessage(j.getString("id"), j.getString("from"), j.getString("name"), j.getString("to"),
                j.getString("text"), j.getLong("ts", 0L), j.getLong("seq", 0L));
    }
}
