package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** One member in a {@link MembersReply}: {"user","name"?,"online","op"}. */
public record Member(String user, String name, boolean online, boolean op) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name).put("online", online).put("op", op);
    }

    static BusCheck rules(BusCheck c) {
        return c.str("user", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).bool("online").bool("op");
    }

    public static Member fromJson(JsonObject j) {
        rules(BusCheck.of(j)).orThrow();
        return new Member(j.getString("user"), j.getString("name"), j.getBoolean("online"), j.getBoolean("op"));
    }
}
