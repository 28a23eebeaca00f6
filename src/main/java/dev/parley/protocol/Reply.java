package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer to one request. Successful replies carry op-specific {@code fields}; failed ones an
 * error code and a human message. {@code op} "pong" is the one reply without an ok flag.
 */
public record Reply(String op, JsonNode rid, boolean ok, ObjectNode fields, ChatError error, String message)
        implements Outbound {

    public static Reply ok(String op, JsonNode rid, ObjectNode fields) {
        return new Reply(op, rid, true, fields == null ? Json.object() : fields, null, null);
    }

    public static Reply fail(String op, JsonNode rid, ChatError error, String message) {
        return new Reply(op, rid, false, null, error, message == null ? error.defaultMessage : message);
    }

    public static Reply pong(JsonNode rid) {
        return new Reply("pong", rid, true, Json.object(), null, null);
    }
}
