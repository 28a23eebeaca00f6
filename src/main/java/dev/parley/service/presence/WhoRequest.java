package dev.parley.service.presence;

import io.vertx.core.json.JsonObject;

/** {@link PresenceAddresses#WHO}: who is online? No fields; answered with an {@link OnlineListing}. */
public record WhoRequest() {
    public JsonObject toJson() {
        return new JsonObject();
    }

    /** Any body asks the same question. */
    public static WhoRequest fromJson(JsonObject j) {
        return new WhoRequest();
    }
}
