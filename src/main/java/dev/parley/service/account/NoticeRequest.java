package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#NOTICE}: {"text"?}, an operator's notice to every online user on every node (a blank text is refused). */
public record NoticeRequest(String text) {
    public JsonObject toJson() {
        return new JsonObject().put("text", text);
    }

    public static NoticeRequest fromJson(JsonObject j) {
        BusCheck.of(j).optStr("text", BusCheck.FIELD_MAX).orThrow();
        return new NoticeRequest(j.getString("text"));
    }
}
