package dev.parley.client;

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
        String line = switch (op) {
            case "message" -> (Boolean.TRUE.equals(frame.getValue("offline")) ? "missed " : "message ")
                    + token(field(frame, "kind")) + " " + token(field(frame, "from")) + " "
                    + token(field(frame, "name")) + ": " + text(field(frame, "text"));
            case "presence" -> "presence " + token(field(frame, "status")) + " " + token(field(frame, "user"))
                    + " " + token(field(frame, "name"));
            case "notice" -> "notice " + token(field(frame, "code")) + ": " + text(field(frame, "message"));
            case "bye" -> "bye " + token(field(frame, "reason")) + ": " + text(field(frame, "message"));
            default -> frame.containsKey("ok")
                    ? replyLine(op, new JsonObject(), frame)
                    : "event " + token(op) + " " + frame.encode();
        };
        return Optional.of(new AttributedString(line));
    }

    @Override
    public Optional<AttributedString> reply(JsonObject request, JsonObject reply) {
        return Optional.of(new AttributedString(replyLine(Frames.op(request), request, reply)));
    }

    private static String replyLine(String op, JsonObject request, JsonObject reply) {
        if (!Frames.ok(reply)) {
            return "error " + token(op) + " " + token(Frames.errorCode(reply)) + ": " + text(Frames.errorMessage(reply));
        }
        String user = field(reply, "user") != null ? field(reply, "user") : field(request, "user");
        return switch (op) {
            case "register", "login" -> "ok " + op + " " + token(user);
            case "who" -> "ok who " + whoList(reply);
            case "rename" -> "ok rename " + token(field(reply, "name"));
            case "say" -> "ok say " + token(field(reply, "id"));
            case "msg" -> "ok msg " + token(field(request, "to")) + " "
                    + (Boolean.TRUE.equals(reply.getValue("stored")) ? "stored" : "delivered") + " " + token(field(reply, "id"));
            default -> "ok " + token(op);
        };
    }

    private static String whoList(JsonObject reply) {
        JsonArray online = reply.getJsonArray("online", new JsonArray());
        StringBuilder line = new StringBuilder().append(reply.getValue("count", online.size()));
        for (Object item : online) {
            if (item instanceof JsonObject person) {
                line.append(' ').append(token(field(person, "user"))).append(':').append(token(field(person, "name")));
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
