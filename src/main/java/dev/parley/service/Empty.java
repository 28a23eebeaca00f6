package dev.parley.service;

import io.vertx.core.json.JsonObject;

/** A message with no fields: a request that needs none, or a reply that only says "done" ({}). */
public record Empty() {
    public static final Empty INSTANCE = new Empty();

    public JsonObject toJson() {
        return new JsonObject();
    }

    public static Empty fromJson(JsonObject j) {
        BusCheck.of(j).orThrow();
        return INSTANCE;
    }
}
