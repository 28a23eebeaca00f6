package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link AccountAddresses#ONLINE}: {"page"?,"size"?}, a page (1-based; default 1, size 50) of who is online, for operators. */
public record OnlineRequest(int page, int size) {
    public JsonObject toJson() {
        return new JsonObject().put("page", page).put("size", size);
    }

    public static OnlineRequest fromJson(JsonObject j) {
        BusCheck.of(j).optInt("page").optInt("size").orThrow();
        return new OnlineRequest(j.getInteger("page", 1), j.getInteger("size", 50));
    }
}
