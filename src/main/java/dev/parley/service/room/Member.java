package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** One member in a {@link MembersReply}: {"user","name"?,"online","op","away"?}; {@code away} only when online and away. */
public record Member(String user, String name, boolean online, boolean op, String away) {
    public Member(String user, String name, boolean online, boolean op) {
        this(user, name, online, op, null);
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("name", name).put("online", online).put("op", op);
        if (away != null) j.put("away", away);
        return j;
    }

    static BusCheck rules(BusCheck c) {
        return c.str("user", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).bool("online").bool("op")
                .optStr("away", BusCheck.FIELD_MAX);
    }

    public static Member fromJson(JsonObject j) {
        rules(BusCheck.of(j)).orThrow();
        return new Member(j.getString("user"), j.getString("name"), j.getBoolean("online"), j.getBoolean("op"), j.getString("away"));
    }
}
