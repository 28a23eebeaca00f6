package dev.parley.service.room;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * {@link RoomAddresses#SAY}: {"from","name"?,"room","text","cid"?,"tags"?}. Only members may speak.
 *
 * @param cid the client's id for this send (null: none); a retry with the same cid within the dedup window
 *            gets the first attempt's reply and is not delivered again
 * @param tags client-only tags ({@code +draft/reply}...) relayed live with the message, not stored; empty when none
 */
public record RoomSayRequest(String from, String name, String room, String text, String cid, Map<String, String> tags) {
    public RoomSayRequest {
        tags = tags == null ? Map.of() : tags;
    }

    public RoomSayRequest(String from, String name, String room, String text, String cid) {
        this(from, name, room, text, cid, Map.of());
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("from", from).put("name", name).put("room", room).put("text", text);
        if (cid != null) j.put("cid", cid);
        return BusTags.put(j, tags);
    }

    public static RoomSayRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("from", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).str("room", BusCheck.ID_MAX)
                .str("text", BusCheck.FIELD_MAX).optStr("cid", BusCheck.ID_MAX).orThrow();
        return new RoomSayRequest(j.getString("from"), j.getString("name"), j.getString("room"), j.getString("text"),
                j.getString("cid"), BusTags.read(j));
    }
}
