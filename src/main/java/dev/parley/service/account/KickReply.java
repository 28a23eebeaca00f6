package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#KICK}'s answer: {"user","kicked"}; false: not online. Says nothing about whether the account exists. */
public record KickReply(String user, boolean kicked) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("kicked", kicked);
    }

    public static KickReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).bool("kicked").orThrow();
        return new KickReply(j.getString("user"), j.getBoolean("kicked"));
    }
}
