package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** Encodes outbound frames as one JSON object per line. */
public final class JsonLineEncoder {

    private JsonLineEncoder() {
    }

    public static byte[] encode(Outbound out) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            if (out instanceof Reply r) {
                writeReply(g, r);
            } else if (out instanceof PresenceEvent p) {
                    g.writeStringField("op", "presence");
                    g.writeStringField("user", p.user());
                    g.writeStringField("name", p.name());
                    g.writeStringField("status", p.online() ? "online" : "offline");
            } else if (out instanceof MessageEvent m) {
                    g.writeStringField("op", "message");
                    g.writeStringField("kind", m.group() ? "group" : "private");
                    g.writeStringField("id", m.id());
                    g.writeStringField("from", m.from());
                    g.writeStringField("name", m.name());
                    if (m.to() != null) g.writeStringField("to", m.to());
                    g.writeStringField("text", m.text());
                    g.writeNumberField("ts", m.ts());
                    if (m.offline()) g.writeBooleanField("offline", true);
            } else if (out instanceof ByeEvent b) {
                    g.writeStringField("op", "bye");
                    g.writeStringField("reason", b.reason().name());
                    g.writeStringField("message", b.message());
            } else if (out instanceof NoticeEvent n) {
                    g.writeStringField("op", "notice");
                    g.writeStringField("code", n.code());
                    g.writeStringField("message", n.message());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeReply(JsonGenerator g, Reply r) throws IOException {
        g.writeStringField("op", r.op());
        if (r.rid() != null) {
            g.writeFieldName("rid");
            g.writeTree(r.rid());
        }
        if ("pong".equals(r.op())) return;
        g.writeBooleanField("ok", r.ok());
        if (r.ok()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                g.writeTree(e.getValue());
            }
        } else {
            g.writeObjectFieldStart("error");
            g.writeStringField("code", r.error().name());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
    }
}
