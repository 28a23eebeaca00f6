package dev.parley.service.mailbox;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * {@link MailboxAddresses#SEND}: {"from","name"?,"to","text","cid"?,"storeOnly"?,"id"?,"ts"?,"tags"?}, a private message.
 *
 * @param from      the sender: always the session's user, never a field sent by the client
 * @param cid       the client's id for this send (null: none), deduplicated within the dedup window
 * @param storeOnly store without delivering, under {@code id} and {@code ts}: a same-node delivery the gateway
 *                  could not confirm in time (the receiver may already have it, with that id)
 * @param id        the id already given to the message, or null (the service makes one)
 * @param ts        its time (epoch ms), or null (now)
 * @param tags      client-only tags relayed with a live delivery, never stored; empty when none
 */
public record SendRequest(String from, String name, String to, String text, String cid, boolean storeOnly,
                          String id, Long ts, Map<String, String> tags) {
    public SendRequest {
        tags = tags == null ? Map.of() : tags;
    }

    public static SendRequest of(String from, String name, String to, String text, String cid) {
        return of(from, name, to, text, cid, Map.of());
    }

    public static SendRequest of(String from, String name, String to, String text, String cid, Map<String, String> tags) {
        return new SendRequest(from, name, to, text, cid, false, null, null, tags);
    }

    public static SendRequest storeOnly(String from, String name, String to, String text, String id, long ts) {
        return new SendRequest(from, name, to, text, null, true, id, ts, Map.of());
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("from", from).put("name", name).put("to", to).put("text", text);
        if (cid != null) j.put("cid", cid);
        if (storeOnly) j.put("storeOnly", true);
        if (id != null) j.put("id", id);
        if (ts != null) j.put("ts", ts);
        return BusTags.put(j, tags);
    }

    public static SendRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).str("to", BusCheck.FIELD_MAX)
                .str("text", BusCheck.FIELD_MAX).optStr("cid", BusCheck.ID_MAX)
                .optStr("id", BusCheck.ID_MAX).optLong("ts").optBool("storeOnly").orThrow();
        return new SendRequest(j.getString("from"), j.getString("name"), j.getString("to"), j.getString("text"),
                j.getString("cid"), j.getBoolean("storeOnly", false), j.getString("id"), j.getLong("ts"),
                BusTags.read(j));
    }
}
