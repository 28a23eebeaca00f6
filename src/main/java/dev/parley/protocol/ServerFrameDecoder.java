package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Reads one line the server wrote with {@link JsonLineEncoder} back into the {@link Outbound} it came from:
 * for clients and the benchmark. Strict about what the encoder always writes (an op, known error codes and bye
 * reasons), since a frame it cannot represent is better reported than half-read.
 */
public final class ServerFrameDecoder {

    private ServerFrameDecoder() {
    }

    public static Outbound decode(String line) throws DecodeException {
        try {
            return decode(Json.STRICT_READER.readTree(line));
        } catch (JsonProcessingException e) {
            throw new DecodeException(Json.problem(e));
        }
    }

    /** Decodes b[from, to) without copying it. */
    public static Outbound decode(byte[] b, int from, int to) throws DecodeException {
        try {
            return decode(Json.STRICT_READER.readTree(b, from, to - from));
        } catch (JsonProcessingException e) {
            throw new DecodeException(Json.problem(e));
        } catch (IOException e) {
            throw new DecodeException("invalid JSON");
        }
    }

    private static Outbound decode(JsonNode node) throws DecodeException {
        if (node == null || !node.isObject()) throw new DecodeException("a frame must be a JSON object");
        ObjectNode frame = (ObjectNode) node;
        String op = text(frame, Fields.OP);
        if (op == null) throw new DecodeException("a frame needs an op");
        if (Ops.isEvent(op, frame.has(Fields.OK)) && Ops.isRoomEvent(op)) {
            return RoomNoticeJson.read(op, frame);
        }
        if (!frame.has(Fields.OK)) {
            return switch (op) {
                case Ops.MESSAGE -> MessageJson.event(frame);
                case Ops.PRESENCE -> presence(frame);
                case Ops.NOTICE -> new NoticeEvent(text(frame, Fields.CODE), text(frame, Fields.MESSAGE));
                case Ops.BYE -> new ByeEvent(constant(ByeReason.class, text(frame, Fields.REASON)), text(frame, Fields.MESSAGE));
                case Ops.PONG -> Reply.pong(frame.get(Fields.RID));
                default -> throw new DecodeException("unknown event " + op);
            };
        }
        return reply(op, frame);
    }

    private static PresenceEvent presence(ObjectNode frame) {
        String status = text(frame, Fields.STATUS);
        String user = text(frame, Fields.USER);
        String name = text(frame, Fields.NAME);
        if (Fields.STATUS_AWAY.equals(status)) return PresenceEvent.away(user, name, String.valueOf(text(frame, Fields.TEXT)));
        if (Fields.STATUS_BACK.equals(status)) return PresenceEvent.away(user, name, null);
        boolean online = Fields.STATUS_ONLINE.equals(status);
        return new PresenceEvent(user, name, online, java.util.List.of(), null, online ? null : text(frame, Fields.REASON));
    }

    private static Reply reply(String op, ObjectNode frame) throws DecodeException {
        JsonNode rid = frame.get(Fields.RID);
        if (frame.path(Fields.OK).asBoolean()) {
            ObjectNode fields = frame.deepCopy();
            fields.remove(Fields.OP);
            fields.remove(Fields.RID);
            fields.remove(Fields.OK);
            return Reply.ok(op, rid, fields);
        }
        JsonNode error = frame.path(Fields.ERROR);
        ChatError code = constant(ChatError.class, error.path(Fields.CODE).textValue());
        return new Reply(op, rid, false, null, code, error.path(Fields.MESSAGE).textValue());
    }

    private static String text(ObjectNode frame, String field) {
        return frame.path(field).textValue();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) throws DecodeException {
        try {
            return Enum.valueOf(type, String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new DecodeException("unknown " + type.getSimpleName() + " " + name);
        }
    }
}
