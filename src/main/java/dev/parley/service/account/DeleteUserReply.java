package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#DELETE}'s answer: {"user","kicked"}; kicked: a session was closed. */
public record DeleteUserReply(String user, boolean kicked) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("kicked", kicked);
    }

    public static DeleteUserReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).bool("kicked").orThrow();
        return new DeleteUserReply(j.getString("user"), j.getBoolean("kicked"));
    }
}
