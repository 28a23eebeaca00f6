package dev.parley.client;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jline.utils.AttributedString;

import java.util.Optional;

import static dev.parley.client.EventFormatter.field;

/**
 * The batch format: exactly one plain line per event, first word the kind, so scripts can grep.
 * Free text comes last, after ": ", with backslash escapes for control characters; other fields
 * are single tokens (spaces escaped as \s, a missing value shown as -). The format is documented
 * in {@link ClientOptions#usage()} and must stay stable.
 */
final class BatchFormatter implements EventFormatter {

    /** Enough of an unreadable server line to recognise it, without flooding the output. */
    private static final int MAX_BAD_FRAME_CHARS = 200;

    @Override
    public Optional<AttributedString> event(JsonObject frame) {
        String op = Frames.op(frame);
        if (Ops.isRoomEvent(op) && Ops.isEvent(op, frame.containsKey(Fields.OK))) {
            return Optional.of(new AttributedString(roomEvent(op, frame)));
        }
        String line = switch (op) {
            case Ops.MESSAGE -> (Boolean.TRUE.equals(frame.getValue(Fields.OFFLINE)) ? "missed " : "message ") + message(frame);
            case Ops.PRESENCE -> "presence " + token(field(frame, Fields.STATUS)) + " " + token(field(frame, Fields.USER))
                    + " " + token(field(frame, Fields.NAME));
            case Ops.NOTICE -> "notice " + token(field(frame, Fields.CODE)) + ": " + text(field(frame, Fields.MESSAGE));
            case Ops.BYE -> "bye " + token(field(frame, Fields.REASON)) + ": " + text(field(frame, Fields.MESSAGE));
            default -> frame.containsKey(Fields.OK)
                    ? replyLine(op, new JsonObject(), frame)
                    : "event " + token(op) + " " + frame.encode();
        };
        return Optional.of(new AttributedString(line));
    }

    /** {@code group|private <from> <name>[ <room>]: <text>}: a room message names its room last. */
    private static String message(JsonObject frame) {
        String room = field(frame, Fields.ROOM);
        return token(field(frame, Fields.KIND)) + " " + token(field(frame, Fields.FROM)) + " " + token(field(frame, Fields.NAME))
                + (room == null ? "" : " " + token(room)) + ": " + text(field(frame, Fields.TEXT));
    }

    // joined <room> <user> <name> | parted <room> <user> <name>: <reason> | kicked <room> <user> <by>: <reason>
    // | topic <room> <by>: <text> | invited <room> <by>
    private static String roomEvent(String op, JsonObject frame) {
        String room = token(field(frame, Fields.ROOM));
        return switch (op) {
            case Ops.JOINED -> "joined " + room + " " + token(field(frame, Fields.USER)) + " " + token(field(frame, Fields.NAME));
            case Ops.PARTED -> "parted " + room + " " + token(field(frame, Fields.USER)) + " " + token(field(frame, Fields.NAME))
                    + ": " + text(field(frame, Fields.REASON));
            case Ops.KICKED -> "kicked " + room + " " + token(field(frame, Fields.USER)) + " " + token(field(frame, Fields.BY))
                    + ": " + text(field(frame, Fields.REASON));
            case Ops.TOPIC -> "topic " + room + " " + token(field(frame, Fields.BY)) + ": " + text(field(frame, Fields.TEXT));
            case Ops.MODE -> "mode " + room + " " + token(field(frame, Fields.BY)) + " " + token(field(frame, Fields.MODE_CHANGE))
                    + (field(frame, Fields.USER) == null ? "" : " " + token(field(frame, Fields.USER)));
            default -> "invited " + room + " " + token(field(frame, Fields.BY));
        };
    }

    @Override
    public Optional<AttributedString> reply(JsonObject request, JsonObject reply) {
        return Optional.of(new AttributedString(replyLine(Frames.op(request), request, reply)));
    }

    private static String replyLine(String op, JsonObject request, JsonObject reply) {
        if (!Frames.ok(reply)) {
            return "error " + token(op) + " " + token(Frames.errorCode(reply)) + ": " + text(Frames.errorMessage(reply));
        }
        String user = field(reply, Fields.USER) != null ? field(reply, Fields.USER) : field(request, Fields.USER);
        return switch (op) {
            case Ops.REGISTER, Ops.LOGIN -> "ok " + op + " " + token(user);
            case Ops.WHO -> "ok who " + whoList(reply);
            case Ops.RENAME -> "ok rename " + token(field(reply, Fields.NAME));
            case Ops.SAY -> "ok say " + token(field(reply, Fields.ID));
            case Ops.JOIN -> "ok join " + token(joinedRoom(reply, request)) + " "
                    + (Boolean.TRUE.equals(reply.getValue(Fields.CREATED)) ? "created" : "joined");
            case Ops.PART, Ops.ROOM, Ops.MODE -> "ok " + op + " " + token(room(reply, request));
            case Ops.KICK, Ops.BAN, Ops.UNBAN, Ops.INVITE -> "ok " + op + " " + token(room(reply, request)) + " "
                    + token(field(request, Fields.USER));
            case Ops.TOPIC -> "ok topic " + token(room(reply, request)) + " " + token(field(reply, Fields.BY)) + ": "
                    + text(field(reply, Fields.TOPIC));
            case Ops.ROOMS -> "ok rooms " + roomList(reply);
            case Ops.MEMBERS -> "ok members " + token(room(reply, request)) + " " + memberList(reply);
            case Ops.HISTORY -> history(reply, request);
            case Ops.MSG -> "ok msg " + token(field(request, Fields.TO)) + " "
                    + (Boolean.TRUE.equals(reply.getValue(Fields.STORED)) ? "stored" : "delivered") + " " + token(field(reply, Fields.ID));
            default -> "ok " + token(op);
        };
    }

    private static String room(JsonObject reply, JsonObject request) {
        String room = reply.getValue(Fields.ROOM) instanceof String r ? r : null;
        return room != null ? room : field(request, Fields.ROOM);
    }

    private static String joinedRoom(JsonObject reply, JsonObject request) {
        return reply.getValue(Fields.ROOM) instanceof JsonObject r ? field(r, Fields.DISPLAY) : field(request, Fields.ROOM);
    }

    /** {@code <total> <room>:<members>:<online>...}; a next page adds {@code next=<after>}. */
    private static String roomList(JsonObject reply) {
        JsonArray rooms = reply.getJsonArray(Fields.ROOMS, new JsonArray());
        StringBuilder line = new StringBuilder().append(reply.getValue(Fields.TOTAL, rooms.size()));
        for (Object item : rooms) {
            if (item instanceof JsonObject room) {
                line.append(' ').append(token(field(room, Fields.DISPLAY))).append(':').append(token(field(room, Fields.MEMBERS)))
                        .append(':').append(token(field(room, Fields.ONLINE)));
            }
        }
        if (reply.getValue(Fields.NEXT) != null) line.append(" next=").append(token(field(reply, Fields.NEXT)));
        return line.toString();
    }

    /** {@code <count> <user>:<name>:online|offline[:op]...}. */
    private static String memberList(JsonObject reply) {
        JsonArray members = reply.getJsonArray(Fields.MEMBERS, new JsonArray());
        StringBuilder line = new StringBuilder().append(reply.getValue(Fields.COUNT, members.size()));
        for (Object item : members) {
            if (item instanceof JsonObject m) {
                line.append(' ').append(token(field(m, Fields.USER))).append(':').append(token(field(m, Fields.NAME)))
                        .append(Boolean.FALSE.equals(m.getValue(Fields.ONLINE)) ? ":offline" : ":online")
                        .append(Boolean.TRUE.equals(m.getValue(Fields.IS_OP)) ? ":op" : "");
            }
        }
        return line.toString();
    }

    /** {@code ok history <room> <n> more|all}, then one {@code history ...} line per message, oldest first. */
    private static String history(JsonObject reply, JsonObject request) {
        JsonArray messages = reply.getJsonArray(Fields.MESSAGES, new JsonArray());
        StringBuilder out = new StringBuilder("ok history ").append(token(room(reply, request))).append(' ').append(messages.size())
                .append(Boolean.TRUE.equals(reply.getValue(Fields.MORE)) ? " more" : " all");
        for (Object item : messages) {
            if (item instanceof JsonObject m) {
                out.append("\nhistory ").append(token(field(m, Fields.ID))).append(' ').append(message(m));
            }
        }
        return out.toString();
    }

    private static String whoList(JsonObject reply) {
        JsonArray online = reply.getJsonArray(Fields.ONLINE, new JsonArray());
        StringBuilder line = new StringBuilder().append(reply.getValue(Fields.COUNT, online.size()));
        for (Object item : online) {
            if (item instanceof JsonObject person) {
                line.append(' ').append(token(field(person, Fields.USER))).append(':').append(token(field(person, Fields.NAME)));
            }
        }
        return line.toString();
    }

    @Override
    public AttributedString status(SessionStatus status) {
        String line;
        if (status instanceof SessionStatus.Reconnecting r) {
            line = "status reconnecting " + r.delayMillis();
        } else if (status instanceof SessionStatus.Reconnected r) {
            line = "status reconnected " + token(r.user());
        } else if (status instanceof SessionStatus.ReloginFailed f) {
            line = "status relogin-failed " + token(f.code()) + ": " + text(f.message());
        } else if (status instanceof SessionStatus.BadFrame b) {
            String shown = b.line().length() > MAX_BAD_FRAME_CHARS ? b.line().substring(0, MAX_BAD_FRAME_CHARS) + "..." : b.line();
            line = "error frame BAD_JSON: " + text(shown);
        } else {
            line = "status disconnected";
        }
        return new AttributedString(line);
    }

    @Override
    public AttributedString info(String line) {
        return new AttributedString("# " + text(line));
    }

    /** Free text: backslash, control characters and line separators escaped so it stays on one line. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A field that must stay one word: escaped like text, spaces as \s, empty as -. */
    static String token(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return text(value).replace(" ", "\\s");
    }
}
