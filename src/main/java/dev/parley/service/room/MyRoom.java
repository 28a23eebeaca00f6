package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * One of a user's rooms at login: {"name","display","head","read"?}.
 *
 * @param name canonical name
 * @param head the room's newest sequence number, read when asked
 * @param read the user's read position (null: never seen; a first visit replays nothing)
 */
public record MyRoom(String name, String display, long head, Long read) {
    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("display", display).put("head", head).put("read", read);
    }

    static BusCheck rules(BusCheck c) {
        return c.str("name", BusCheck.ID_MAX).str("display", BusCheck.ID_MAX).whole("head").optLong("read");
    }

    public static MyRoom fromJson(JsonObject j) {
        rules(BusCheck.of(j)).orThrow();
        return new MyRoom(j.getString("name"), j.getString("display"), j.getLong("head"), j.getLong("read"));
    }
}
