package dev.parley.service.auth;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AuthAddresses#LOGIN}'s answer: {"user","name"}, the account whose password matched. */
public record LoginReply(String user, String name) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name);
    }

    public static LoginReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).str("name", BusCheck.FIELD_MAX).orThrow();
        return new LoginReply(j.getString("user"), j.getString("name"));
    }
}
