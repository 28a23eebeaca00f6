package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#KICK}: {"user","reason"?}, an operator closing a session; the reason is shown to the user (null or blank: the default text). */
public record KickRequest(String user, String reason) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("reason", reason);
    }

    public static KickRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optStr("reason", BusCheck.FIELD_MAX).orThrow();
        return new KickRequest(j.getString("user"), j.getString("reason"));
    }
}
