package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one JSON line into a {@link Request}. The bytes are decoded as strict UTF-8 first: Jackson's
 * byte parser lets overlong forms and encoded surrogates through.
 */
public final class JsonRequestParser {
    private JsonRequestParser() {
    }

    public static Request parse(byte[] line) throws DecodeException {
        String text = TextRequestParser.decodeUtf8(line);
        JsonNode node;
        try {
            node = Json.STRICT_READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DecodeException(Json.problem(e));
        }
        if (node == null || !node.isObject()) {
            throw new DecodeException("a request must be a JSON object");
        }
        ObjectNode fields = (ObjectNode) node;
        JsonNode rid = fields.get(Fields.RID);
        if (rid != null && !(rid.isTextual() || rid.isNumber())) {
            rid = null;
        }
        JsonNode op = fields.get(Fields.OP);
        String opName = op != null && op.isTextual() ? op.asText() : null;
        return new Request(opName, rid, fields);
    }
}
