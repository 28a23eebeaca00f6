package dev.parley.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Json;
import io.vertx.core.json.JsonObject;

/** Bridges Vert.x bus bodies to the protocol layer's Jackson trees. */
final class Jackson {
    private Jackson() {
    }

    static ObjectNode of(JsonObject json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json.encode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
