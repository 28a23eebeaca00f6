package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a reply's JSON tree field by field. {@code JsonGenerator.writeTree} goes through the ObjectMapper, which
 * builds a serializer context for every call (a private message's reply made five): most of the encoder's
 * allocation and a tenth of its time (docs/performance.md, "Per-message cost"). The output is the same bytes.
 */
final class TreeWriter {

    private TreeWriter() {
    }

    static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                if (n.isInt() || n.isLong()) g.writeNumber(n.longValue());
                else g.writeTree(n);   // big or decimal numbers keep Jackson's own formatting
            }
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n) write(g, element);
                g.writeEndArray();
            }
            default -> g.writeTree(n);
        }
    }
}
