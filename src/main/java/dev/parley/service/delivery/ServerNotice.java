package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** Published to every node: a notice for every online user ({@code code} e.g. "ADMIN"). */
public record ServerNotice(String code, String message) implements Delivery {
    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", NOTICE).put("code", code).put("message", message);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static ServerNotice fromJson(JsonObject j) {
        BusCheck.of(j).str("code", BusCheck.ID_MAX).str("message", BusCheck.FIELD_MAX).orThrow();
        return new ServerNotice(j.getString("code"), j.getString("message"));
    }
}
