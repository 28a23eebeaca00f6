package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Bridges Vert.x bus bodies to the protocol layer's Jackson trees, node by node: no encode-then-parse
 * round trip (a login reply can list hundreds of users).
 */
final class Jackson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Jackson() {
    }

    static ObjectNode of(JsonObject json) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Object> e : json) out.set(e.getKey(), node(e.getValue()));
        return out;
    }

    private static ArrayNode of(JsonArray json) {
        ArrayNode out = NODES.arrayNode(json.size());
        for (Object v : json) out.add(node(v));
        return out;
    }

    private static JsonNode node(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof JsonObject o) return of(o);
        if (v instanceof JsonArray a) return of(a);
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof Double d) return NODES.numberNode(d);
        if (v instanceof Float f) return NODES.numberNode(f);
        if (v instanceof BigInteger b) return NODES.numberNode(b);
        if (v instanceof BigDecimal b) return NODES.numberNode(b);
        if (v instanceof Number n) return NODES.numberNode(n.longValue());
        return NODES.textNode(v.toString());
    }
}
