package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message event as a JSON object, for replies that carry messages (history): the same fields, in the same
 * order, as the {@code message} event line {@link JsonLineEncoder} writes, so a client reads both with one reader.
 */
public final class MessageJson {

    private MessageJson() {
    }

    public static ObjectNode node(MessageEvent m) {
        ObjectNode n = Json.object();
        n.put(Fields.OP, Ops.MESSAGE);
        n.put(Fields.KIND, m.group() ? Fields.KIND_GROUP : Fields.KIND_PRIVATE);
        if (m.room() != null) n.put(Fields.ROOM, m.room());
        n.put(Fields.ID, m.id());
        n.put(Fields.FROM, m.from());
        n.put(Fields.NAME, m.name());
        if (m.to() != null) n.put(Fields.TO, m.to());
        n.put(Fields.TEXT, m.text());
        n.put(Fields.TS, m.ts());
        if (m.offline()) n.put(Fields.OFFLINE, true);
        return n;
    }

    /** Reads a message event (or one element of a history reply's messages); absent fields are null. */
    public static MessageEvent event(JsonNode n) {
        return new MessageEvent(Fields.KIND_GROUP.equals(n.path(Fields.KIND).textValue()), n.path(Fields.ID).textValue(),
                n.path(Fields.FROM).textValue(), n.path(Fields.NAME).textValue(), n.path(Fields.TO).textValue(),
                n.path(Fields.TEXT).textValue(), n.path(Fields.TS).asLong(), n.path(Fields.OFFLINE).asBoolean(),
                n.path(Fields.ROOM).textValue());
    }
}
