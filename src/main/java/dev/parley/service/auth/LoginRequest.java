package dev.parley.service.auth;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link AuthAddresses#LOGIN}: {"user","password","address"?}. Fields are checked for type and size only: a
 * missing user or password is answered BAD_REQUEST by the service in words of its own.
 *
 * @param address the client's remote IP, for per-address throttling of failures
 */
public record LoginRequest(String user, String password, String address) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("password", password).put("address", address);
    }

    public static LoginRequest fromJson(JsonObject j) {
        BusCheck.of(j).optStr("user", BusCheck.FIELD_MAX).optStr("password", BusCheck.FIELD_MAX)
                .optStr("address", BusCheck.FIELD_MAX).orThrow();
        return new LoginRequest(j.getString("user"), j.getString("password"), j.getString("address"));
    }
}
