package dev.parley.service.auth;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link AuthAddresses#REGISTER}: {"user","password","name"?,"address"?}. Fields are checked for type and size
 * only: a missing user or password gets the specific errors of {@link AccountRules}.
 *
 * @param name    the display name; null: the user id
 * @param address the client's remote IP, for per-address throttling of registrations
 */
public record RegisterRequest(String user, String password, String name, String address) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("name", name).put("address", address);
    }

    public static RegisterRequest fromJson(JsonObject j) {
        BusCheck.of(j).optStr("user", BusCheck.FIELD_MAX).optStr("password", BusCheck.FIELD_MAX)
                .optStr("name", BusCheck.FIELD_MAX).optStr("address", BusCheck.FIELD_MAX).orThrow();
        return new RegisterRequest(j.getString("user"), j.getString("password"), j.getString("name"), j.getString("address"));
    }
}
