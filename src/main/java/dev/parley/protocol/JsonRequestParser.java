package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Turns one JSON line into a {@link Request}. Jackson rejects invalid UTF-8 in byte input. */
public final class JsonRequestParser {

    private JsonRequestParser() {
    }

    public static Request parse(byte[] line) throws DecodeException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new DecodeException(isUtf8Problem(e) ? "invalid UTF-8" : "invalid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new DecodeException("a request must be a JSON object");
        }
        ObjectNode fields = (ObjectNode) node;
        JsonNode rid = fields.get("rid");
        if (rid != null && !(rid.isTextual() || rid.isNumber())) {
            rid = null;
        }
        JsonNode op = fields.get("op");
        String opName = op != null && op.isTextual() ? op.asText() : null;
        return new Request(opName, rid, fields);
    }

    private static boolean isUtf8Problem(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("UTF-8") || m.contains("UTF8"));
    }
}
