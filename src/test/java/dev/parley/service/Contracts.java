package dev.parley.service;

import io.vertx.core.json.JsonObject;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks for bus message records: what crosses the wire comes back equal, what is malformed is refused. */
public final class Contracts {
    private Contracts() {
    }

    /** Encodes, sends as text (as between nodes) and decodes: the same record comes back. */
    public static <T> void roundTrips(T record, Function<T, JsonObject> toJson, Function<JsonObject, T> fromJson) {
        JsonObject wire = new JsonObject(toJson.apply(record).encode());
        assertEquals(record, fromJson.apply(wire), wire.encode());
    }

    /** {@code fromJson} refuses the body, naming {@code field} in its reason. */
    public static void refuses(Function<JsonObject, ?> fromJson, JsonObject body, String field) {
        BusCheck.InvalidBody e = assertThrows(BusCheck.InvalidBody.class, () -> fromJson.apply(body), body == null ? "null" : body.encode());
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }

    /** A body that is not a JSON object at all. */
    public static void refusesNonObjects(Function<JsonObject, ?> fromJson) {
        BusCheck.InvalidBody e = assertThrows(BusCheck.InvalidBody.class, () -> fromJson.apply(null));
        assertEquals("body is not a JSON object", e.getMessage());
    }

    /** A string one character longer than the limit. */
    public static String tooLong(int max) {
        return "x".repeat(max + 1);
    }
}
