package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#RENAME}'s answer: {"user","name"}, the name now in use. */
public record RenameReply(String user, String name) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name);
    }

    public static RenameReply fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).str("name", BusCheck.FIELD_MAX).orThrow();
        return new RenameReply(j.getString("user"), j.getString("name"));
    }
}
