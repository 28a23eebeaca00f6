package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#LOCK}'s answer: {"user","locked","kicked"}; kicked: locking closed a session. */
public record LockReply(String user, boolean locked, boolean kicked) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("locked", locked).put("kicked", kicked);
    }

    public static LockReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).bool("locked").bool("kicked").orThrow();
        return new LockReply(j.getString("user"), j.getBoolean("locked"), j.getBoolean("kicked"));
    }
}
