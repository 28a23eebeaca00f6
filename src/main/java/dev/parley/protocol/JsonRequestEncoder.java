package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Encodes a client's {@link Request} as one JSON line: the inverse of {@link JsonRequestParser}. Writes op, then
 * rid when set, then the other fields in order; op and rid inside {@code fields} (as parsed JSON requests carry
 * them) are not written twice.
 */
public final class JsonRequestEncoder {

    private JsonRequestEncoder() {
    }

    /** The request as UTF-8 JSON, ending with a newline. */
    public static byte[] encode(Request request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            if (request.op() != null) g.writeStringField(Fields.OP, request.op());
            if (request.rid() != null) {
                g.writeFieldName(Fields.RID);
                TreeWriter.write(g, request.rid());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = request.fields().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(Fields.OP) || e.getKey().equals(Fields.RID)) continue;
                g.writeFieldName(e.getKey());
                TreeWriter.write(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
