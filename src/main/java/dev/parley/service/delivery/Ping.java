package dev.parley.service.delivery;

import io.vertx.core.json.JsonObject;

/** Sent as a request to a node's own address (readiness): answered with {@link Pong} when the bus delivers. */
public record Ping() implements Delivery {
    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", PING);
    }
}
