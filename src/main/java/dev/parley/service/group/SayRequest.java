package dev.parley.service.group;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link GroupAddresses#SAY}: {"from","name"?,"text","cid"?}, a message to the group room.
 *
 * @param from the sender: always the session's user, never a field sent by the client
 * @param cid  the client's id for this send (null: none); a retry with the same cid within the dedup window
 *             gets the first attempt's reply and is not delivered again
 */
public record SayRequest(String from, String name, String text, String cid) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("from", from).put("name", name).put("text", text);
        if (cid != null) j.put("cid", cid);
        return j;
    }

    public static SayRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .str("text", BusCheck.FIELD_MAX).optStr("cid", BusCheck.ID_MAX).orThrow();
        return new SayRequest(j.getString("from"), j.getString("name"), j.getString("text"), j.getString("cid"));
    }
}
