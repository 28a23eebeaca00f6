package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link RoomAddresses#MEMBERS}: {"user","room","after"?,"limit"}; {@code user} asks (an invite-only room lists only to members). */
public record MembersRequest(String user, String room, String after, int limit) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("room", room).put("limit", limit);
        if (after != null) j.put("after", after);
        return j;
    }

    public static MembersRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.ID_MAX).str("room", BusCheck.ID_MAX).optStr("after", BusCheck.ID_MAX)
                .optInt("limit").orThrow();
        return new MembersRequest(j.getString("user"), j.getString("room"), j.getString("after"), j.getInteger("limit", 0));
    }
}
