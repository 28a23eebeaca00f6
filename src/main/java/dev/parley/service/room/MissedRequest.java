package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link RoomAddresses#MISSED}: {"user","room","upTo","max"}: messages of one room after the user's read
 * position up to {@code upTo} (later ones reach the session live), at most {@code max} (the rest counted as skipped).
 */
public record MissedRequest(String user, String room, long upTo, int max) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("room", room).put("upTo", upTo).put("max", max);
    }

    public static MissedRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).str("room", BusCheck.ID_MAX).whole("upTo").optInt("max").orThrow();
        return new MissedRequest(j.getString("user"), j.getString("room"), j.getLong("upTo"), j.getInteger("max", 0));
    }
}
