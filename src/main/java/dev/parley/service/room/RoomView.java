package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * A room as users are shown it: {"name","display","topic","members","online"?}.
 *
 * @param name    canonical name
 * @param members the true member count
 * @param online  members online (-1 when not counted)
 */
public record RoomView(String name, String display, String topic, long members, long online) {
    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("display", display).put("topic", topic)
                .put("members", members).put("online", online);
    }

    static BusCheck rules(BusCheck c) {
        return c.str("name", BusCheck.ID_MAX).str("display", BusCheck.ID_MAX).str("topic", BusCheck.FIELD_MAX)
                .whole("members").whole("online");
    }

    public static RoomView fromJson(JsonObject j) {
        rules(BusCheck.of(j)).orThrow();
        return new RoomView(j.getString("name"), j.getString("display"), j.getString("topic"),
                j.getLong("members"), j.getLong("online"));
    }
}
