package dev.parley.client;

import dev.parley.protocol.DisplayText;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;


import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;


/** Lines for a person at a terminal: local time, names, private messages marked, colour hints. */
final class ConsoleFormatter implements EventFormatter {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final AttributedStyle TIME = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle NAME = AttributedStyle.BOLD;
    private static final AttributedStyle ROOM = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle PRIVATE = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle MISSED = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle ONLINE = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle QUIET = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle NOTE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle WARN = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);

    /** Time zone and "now" for events that carry no timestamp. */
    private final Clock clock;
    /** The logged-in id, to say "you" instead of it. */
    private final Supplier<String> me;
    private final ConsoleRoomLines rooms;

    ConsoleFormatter(Clock clock, Supplier<String> me) {
        this.clock = clock;
        this.me = me;
        this.rooms = new ConsoleRoomLines(me);
    }

    @Override
    public Optional<AttributedString> event(JsonObject frame) {
        String op = Frames.op(frame);
        if (Ops.isRoomEvent(op) && Ops.isEvent(op, frame.containsKey(Fields.OK))) {
            boolean aboutMe = op.equals(Ops.INVITED) || op.equals(Ops.KICKED);
            return line(aboutMe ? NOTE : QUIET, rooms.event(frame));
        }
        return switch (op) {
            case Ops.MESSAGE -> Optional.of(message(frame));
            case Ops.PRESENCE -> {
                boolean online = Fields.STATUS_ONLINE.equals(field(frame, Fields.STATUS));
                String text = field(frame, Fields.TEXT);
                yield line(online ? ONLINE : QUIET, "* " + nameOf(frame, Fields.NAME, Fields.USER) + " is " + field(frame, Fields.STATUS)
                        + (text == null ? "" : ": " + text));
            }
            case Ops.NOTICE -> line(WARN, "! " + field(frame, Fields.MESSAGE) + " (" + field(frame, Fields.CODE) + ")");
            case Ops.BYE -> line(WARN, "* the server ended the session: " + field(frame, Fields.MESSAGE) + " (" + field(frame, Fields.REASON) + ")");
            default -> frame.containsKey(Fields.OK) ? reply(Frames.op(op), frame) : line(QUIET, "* " + frame.encode());
        };
    }

    private AttributedString message(JsonObject frame) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(TIME, time(frame) + " ");
        if (Boolean.TRUE.equals(frame.getValue(Fields.OFFLINE))) {
            out.styled(MISSED, "[missed] ");
        }
        String from = field(frame, Fields.FROM);
        String sender = from != null && from.equals(me.get()) ? "you" : nameOf(frame, Fields.NAME, Fields.FROM);
        if (Fields.KIND_PRIVATE.equals(field(frame, Fields.KIND))) {
            String to = field(frame, Fields.TO);
            String receiver = to == null || to.equals(me.get()) ? "you" : to;
            out.styled(PRIVATE, "[private] ").styled(NAME, sender).append(" → ").append(receiver);
        } else {
            String room = field(frame, Fields.ROOM);
            if (room != null) {
                out.styled(ROOM, room).append(" ");
            }
            out.styled(NAME, sender);
        }
        return out.append(": ").append(String.valueOf(field(frame, Fields.TEXT))).toAttributedString();
    }

    @Override
    public Optional<AttributedString> reply(JsonObject request, JsonObject reply) {
        String op = Frames.op(request);
        if (!Frames.ok(reply)) {
            String message = DisplayText.oneLine(Frames.errorMessage(reply));
            return line(ERROR, "! " + op + " failed: " + (message.isEmpty() ? "" : message + " ") + "(" + Frames.errorCode(reply) + ")");
        }
        return switch (op) {
            case Ops.LOGIN -> line(NOTE, "* logged in as " + nameOf(reply, Fields.NAME, Fields.USER) + " (" + field(reply, Fields.USER) + "); "
                    + onlineList(reply, "nobody else is online"));
            case Ops.REGISTER -> line(NOTE, "* registered " + field(reply, Fields.USER) + "; you can log in now");
            case Ops.WHO -> line(NOTE, "* " + onlineList(reply, "nobody is online"));
            case Ops.MSG -> Boolean.TRUE.equals(reply.getValue(Fields.STORED))
                    ? line(NOTE, "* " + field(request, Fields.TO) + " is offline; the message waits in their mailbox")
                    : Optional.empty();
            case Ops.LOGOUT -> line(NOTE, "* logged out");
            case Ops.PASSWORD -> line(NOTE, "* password changed");
            case Ops.RENAME -> line(NOTE, "* you are now " + field(reply, Fields.NAME));
            case Ops.DELETE_ACCOUNT -> line(NOTE, "* account " + field(reply, Fields.USER) + " deleted");
            case Ops.PING -> line(NOTE, "* pong");
            default -> {
                String room = rooms.reply(request, reply, m -> message(m).toString());
                yield room == null ? Optional.empty() : line(NOTE, room);
            }
        };
    }

    private String onlineList(JsonObject reply, String none) {
        List<String> people = new ArrayList<>();
        for (Object item : reply.getJsonArray(Fields.ONLINE, new JsonArray())) {
            if (item instanceof JsonObject person && !String.valueOf(field(person, Fields.USER)).equals(me.get())) {
                people.add(nameOf(person, Fields.NAME, Fields.USER) + " (" + field(person, Fields.USER) + ")");
            }
        }
        return people.isEmpty() ? none : "online: " + String.join(", ", people);
    }

    @Override
    public AttributedString status(SessionStatus status) {
        if (status instanceof SessionStatus.Reconnecting r) {
            String seconds = seconds(r.delayMillis());
            return styled(WARN, r.attempt() == 1
                    ? "* connection lost, reconnecting in " + seconds + "…"
                    : "* still offline, retrying in " + seconds + "…");
        }
        if (status instanceof SessionStatus.Reconnected r) {
            return styled(ONLINE, "* reconnected as " + r.user());
        }
        if (status instanceof SessionStatus.ReloginFailed f) {
            return styled(ERROR, "! could not log in again: " + DisplayText.oneLine(f.message()) + " (" + f.code()
                    + "); you are logged out");
        }
        if (status instanceof SessionStatus.BadFrame) {
            return styled(WARN, "! ignored an unreadable line from the server");
        }
        return styled(WARN, "* disconnected from the server");
    }

    @Override
    public AttributedString info(String line) {
        return new AttributedString(line);
    }

    /** 500 → "0.5s", 2000 → "2s". */
    static String seconds(long millis) {
        return millis % 1000 == 0
                ? millis / 1000 + "s"
                : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private String time(JsonObject frame) {
        Object ts = frame.getValue(Fields.TS);
        Instant when = ts instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : clock.instant();
        return HH_MM.format(when.atZone(clock.getZone()));
    }

    /**
     * A field as shown on the terminal: what other users sent must not move the cursor, clear the screen or
     * start a line that looks like ours (same rule as the server's text protocol).
     */
    private static String field(JsonObject frame, String key) {
        return DisplayText.oneLine(EventFormatter.field(frame, key));
    }

    private static String nameOf(JsonObject frame, String nameKey, String idKey) {
        String name = field(frame, nameKey);
        return name == null || name.isBlank() ? String.valueOf(field(frame, idKey)) : name;
    }

    private static Optional<AttributedString> line(AttributedStyle style, String text) {
        return Optional.of(styled(style, text));
    }

    private static AttributedString styled(AttributedStyle style, String text) {
        return new AttributedString(text, style);
    }
}
