package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#RESET_PASSWORD}'s answer: {"user"}. */
public record ResetPasswordReply(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    public static ResetPasswordReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).orThrow();
        return new ResetPasswordReply(j.getString("user"));
    }
}
