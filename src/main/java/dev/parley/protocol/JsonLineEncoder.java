package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Encodes outbound frames as one JSON object per line, without spaces.
 * <p>
 * Field order is a contract (the benchmark reads frames by byte prefix, without a JSON parser; tested by
 * {@code JsonLineEncoderOrderTest}): every frame starts with {@code {"op":"<op>"}; a reply continues with
 * {@code ,"rid":<rid>} when the request had one, then {@code ,"ok":<bool>} (pong has no ok). A message event is
 * op, kind, room (when set), id, from, name, to (private), text, ts, offline (when true): {@link MessageJson} builds
 * the same object for replies that carry messages.
 */
public final class JsonLineEncoder {

    private JsonLineEncoder() {
    }

    public static byte[] encode(Outbound out) {
        try (LineGenerator line = LineGenerator.start()) {
            JsonGenerator g = line.generator();
            g.writeStartObject();
            if (out instanceof Reply r) {
                writeReply(g, r);
            } else if (out instanceof PresenceEvent p) {
                g.writeStringField(Fields.OP, Ops.PRESENCE);
                g.writeStringField(Fields.USER, p.user());
                g.writeStringField(Fields.NAME, p.name());
                if (p.awayChange()) {
                    g.writeStringField(Fields.STATUS, p.away().back() ? Fields.STATUS_BACK : Fields.STATUS_AWAY);
                    if (!p.away().back()) g.writeStringField(Fields.TEXT, p.away().text());
                } else {
                    g.writeStringField(Fields.STATUS, p.online() ? Fields.STATUS_ONLINE : Fields.STATUS_OFFLINE);
                    if (p.reason() != null) g.writeStringField(Fields.REASON, p.reason());
                }
            } else if (out instanceof MessageEvent m) {
                g.writeStringField(Fields.OP, Ops.MESSAGE);
                g.writeStringField(Fields.KIND, m.group() ? Fields.KIND_GROUP : Fields.KIND_PRIVATE);
                if (m.room() != null) g.writeStringField(Fields.ROOM, m.room());
                g.writeStringField(Fields.ID, m.id());
                g.writeStringField(Fields.FROM, m.from());
                g.writeStringField(Fields.NAME, m.name());
                if (m.to() != null) g.writeStringField(Fields.TO, m.to());
                g.writeStringField(Fields.TEXT, m.text());
                g.writeNumberField(Fields.TS, m.ts());
                if (m.offline()) g.writeBooleanField(Fields.OFFLINE, true);
            } else if (out instanceof ByeEvent b) {
                g.writeStringField(Fields.OP, Ops.BYE);
                g.writeStringField(Fields.REASON, b.reason().name());
                g.writeStringField(Fields.MESSAGE, b.message());
            } else if (out instanceof NoticeEvent n) {
                g.writeStringField(Fields.OP, Ops.NOTICE);
                g.writeStringField(Fields.CODE, n.code());
                g.writeStringField(Fields.MESSAGE, n.message());
            } else if (out instanceof RoomNotice n) {
                RoomNoticeJson.write(g, n);
            }
            g.writeEndObject();
            return line.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeReply(JsonGenerator g, Reply r) throws IOException {
        g.writeStringField(Fields.OP, r.op());
        if (r.rid() != null) {
            g.writeFieldName(Fields.RID);
            TreeWriter.write(g, r.rid());
        }
        if (Ops.PONG.equals(r.op())) return;
        g.writeBooleanField(Fields.OK, r.ok());
        if (r.ok()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                TreeWriter.write(g, e.getValue());
            }
        } else {
            g.writeObjectFieldStart(Fields.ERROR);
            g.writeStringField(Fields.CODE, r.error().name());
            g.writeStringField(Fields.MESSAGE, r.message());
            g.writeEndObject();
        }
    }
}
