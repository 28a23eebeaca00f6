package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded client request, whatever protocol it came from.
 *
 * @param op     the command name ("login", "say", ...)
 * @param rid    the client's request id to echo, or null
 * @param fields the request's fields (op and rid included for JSON requests)
 */
public record Request(String op, JsonNode rid, ObjectNode fields) {

    /** A string field, or null when missing or not textual. */
    public String text(String name) {
        JsonNode n = fields.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    public boolean has(String name) {
        JsonNode n = fields.get(name);
        return n != null && !n.isNull();
    }
}
