package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#LOCK}: {"user","locked"?}, an operator locking (locked true, the default) or unlocking an account. */
public record LockRequest(String user, boolean locked) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("locked", locked);
    }

    public static LockRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optBool("locked").orThrow();
        return new LockRequest(j.getString("user"), j.getBoolean("locked", true));
    }
}
