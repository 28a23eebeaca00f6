package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#DELETE}: {"user"}, an operator deleting an account. */
public record DeleteUserRequest(String user) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user);
    }

    public static DeleteUserRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).orThrow();
        return new DeleteUserRequest(j.getString("user"));
    }
}
