package dev.parley.service.auth;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AuthAddresses#REGISTER}'s answer: {"user","name"}, the new account. */
public record RegisterReply(String user, String name) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name);
    }

    public static RegisterReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).str("name", BusCheck.FIELD_MAX).orThrow();
        return new RegisterReply(j.getString("user"), j.getString("name"));
    }
}
