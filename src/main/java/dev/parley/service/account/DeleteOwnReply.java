package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#DELETE_OWN}'s answer: {"user"}, the account deleted. */
public record DeleteOwnReply(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    public static DeleteOwnReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).orThrow();
        return new DeleteOwnReply(j.getString("user"));
    }
}
