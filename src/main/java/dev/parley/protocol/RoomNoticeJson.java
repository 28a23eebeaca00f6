package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The JSON of a room event: {@code {"op":<kind>,"room",...}} with only the fields the event has, in the order
 * room, user, name, by, reason|text, ts. The topic event's new topic is {@code text} (empty: cleared) and it
 * carries {@code ts}; a part or kick reason is {@code reason}. No ok flag: that is how a topic event differs from
 * the topic reply. A mode event's change ("+o"...) is {@code mode}.
 */
final class RoomNoticeJson {

    private RoomNoticeJson() {
    }

    static void write(JsonGenerator g, RoomNotice n) throws IOException {
        boolean topic = Ops.TOPIC.equals(n.kind());
        boolean mode = Ops.MODE.equals(n.kind());
        g.writeStringField(Fields.OP, n.kind());
        g.writeStringField(Fields.ROOM, n.room());
        if (n.user() != null) g.writeStringField(Fields.USER, n.user());
        if (n.name() != null) g.writeStringField(Fields.NAME, n.name());
        if (n.by() != null) g.writeStringField(Fields.BY, n.by());
        if (topic) {
            g.writeStringField(Fields.TEXT, n.text() == null ? "" : n.text());
            g.writeNumberField(Fields.TS, n.ts());
        } else if (mode) {
            g.writeStringField(Fields.MODE_CHANGE, n.text());
            g.writeNumberField(Fields.TS, n.ts());
        } else if (n.text() != null) {
            g.writeStringField(Fields.REASON, n.text());
        }
    }

    static RoomNotice read(String kind, JsonNode frame) throws DecodeException {
        String room = frame.path(Fields.ROOM).textValue();
        if (room == null) throw new DecodeException(kind + " without a room");
        boolean topic = Ops.TOPIC.equals(kind);
        return new RoomNotice(kind, room, frame.path(Fields.USER).textValue(), frame.path(Fields.NAME).textValue(),
                frame.path(Fields.BY).textValue(),
                frame.path(topic ? Fields.TEXT : Ops.MODE.equals(kind) ? Fields.MODE_CHANGE : Fields.REASON).textValue(),
                frame.path(Fields.TS).asLong());
    }
}
