package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Renders outbound frames for a human on telnet/nc: one readable line per event, every error one
 * line starting with "!". Returns null when there is nothing worth showing (e.g. a group send ack:
 * the human already sees what they typed). Room listings (/rooms, /history) are several lines.
 * <p>
 * A room message shows its room ({@code [14:02] #dev bob (200): hi}) unless it is the default room's, whose
 * lines look as they did before rooms; a message without a room is treated as the default room's.
 */
public final class TextLineEncoder {

    public static final String GREETING = """
            * Welcome to Parley. Type /help for commands.
            * New here? /register <id> <password> [name]   then   /login <id> <password>
            """;

    public static final String HELP = """
            * Commands:
            *   /register <id> <password> [name]   create an account
            *   /login <id> <password>             log in
            *   /who                               who is online
            *   /msg <id> <text>                   private message
            *   /away [text]                       say you are away (others see it); without text: back
            *   /whois <id>                        whether someone is online, and away
            *   <any text>                         message your current room (after login)
            *   /say <text>                        the same, for text starting with /
            *   /join #room                        join (or create) a room; it becomes your current room
            *   /room [#room]                      choose your current room (or show it)
            *   /part [#room] [reason]             leave a room
            *   /rooms [after]                     list the rooms
            *   /members [#room]                   who is in a room
            *   /topic [#room] [text]              show or set a room's topic
            *   /history [#room] [n]               the last n messages of a room
            *   /invite #room <id>                 invite someone (operators)
            *   /kick #room <id> [reason]          remove someone from a room (operators)
            *   /ban #room <id>                    ban someone from a room (operators)
            *   /unban #room <id>                  lift a ban (operators)
            *   /mode #room +i|-i|+o <id>|-o <id>  invite-only on/off, grant/revoke operator
            *   /password <old> <new>              change your password
            *   /name <new name>                   change your display name
            *   /delete-account <password>         delete your account (and its mail) for good
            *   /ping                              keep the connection alive
            *   /quit                              log out and leave
            """;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    /** Canonical name of the room whose lines show no room; null when only room-less messages are unlabelled. */
    private final String defaultRoom;
    private final TextRoomLines rooms;

    /** An encoder that labels every message that names a room. */
    public TextLineEncoder(ZoneId zone) {
        this(zone, null);
    }

    /** @param defaultRoom the default room's name (config rooms.default): its messages are shown without it */
    public TextLineEncoder(ZoneId zone, String defaultRoom) {
        this.zone = zone;
        this.defaultRoom = defaultRoom == null ? null : RoomName.canonical(defaultRoom);
        this.rooms = new TextRoomLines(zone);
    }

    /** The bytes to write, or null for nothing. */
    public byte[] encode(Outbound out) {
        if (out instanceof Reply r && TextRoomLines.isListing(r)) {
            // several lines, each one made safe on its own: client text cannot add a line
            StringBuilder sb = new StringBuilder();
            for (String line : rooms.listing(r, this::historyLine)) {
                sb.append(DisplayText.oneLine(line)).append("\r\n");
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        String line = render(out);
        if (line == null) return null;
        // HELP is ours and multi-line; everything else may carry client text and must stay one line.
        return (line == HELP ? line : DisplayText.oneLine(line) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    String render(Outbound out) {
        if (out instanceof MessageEvent m) {
            String when = m.offline()
                    ? "[offline " + DATE_TIME.format(Instant.ofEpochMilli(m.ts()).atZone(zone)) + "] "
                    : "[" + TIME.format(Instant.ofEpochMilli(m.ts()).atZone(zone)) + "] ";
            String kind = m.group() ? "" : "[private] ";
            String room = m.group() && labelled(m.room()) ? m.room() + " " : "";
            return when + kind + room + who(m.from(), m.name()) + ": " + m.text();
        }
        if (out instanceof RoomNotice n) {
            return rooms.event(n);
        }
        if (out instanceof PresenceEvent p) {
            String what = !p.awayChange() ? (p.online() ? " is online"
                    : PresenceEvent.NODE_LOST.equals(p.reason()) ? " went offline (server node lost)" : " went offline")
                    : p.away().back() ? " is back" : " is away: " + p.away().text();
            return "[" + TIME.format(Instant.now().atZone(zone)) + "] * " + who(p.user(), p.name()) + what;
        }
        if (out instanceof ByeEvent b) {
            return "* bye: " + b.message() + " (" + b.reason().name() + ")";
        }
        if (out instanceof NoticeEvent n) {
            return "* " + n.message();
        }
        return renderReply((Reply) out);
    }

    /** Whether a message of this room shows it: every room but the default one. */
    private boolean labelled(String room) {
        return room != null && !RoomName.canonical(room).equals(defaultRoom);
    }

    /** A message in a history listing: dated (it may be old), without the room (the listing names it). */
    private String historyLine(MessageEvent m) {
        return "[" + DATE_TIME.format(Instant.ofEpochMilli(m.ts()).atZone(zone)) + "] " + who(m.from(), m.name()) + ": " + m.text();
    }

    private String renderReply(Reply r) {
        if (!r.ok()) {
            return "! " + r.error().name() + ": " + r.message();
        }
        String room = rooms.reply(r);
        if (room != null) return room;
        JsonNode f = r.fields();
        switch (r.op()) {
            case Ops.REGISTER:
                return "* registered " + f.path(Fields.USER).asText() + ". Now log in: /login "
                        + f.path(Fields.USER).asText() + " <password>";
            case Ops.LOGIN: {
                JsonNode online = f.path(Fields.ONLINE);
                String others = online.size() == 0 ? "nobody else is online yet." : "online: " + people(online);
                return "* welcome, " + who(f.path(Fields.USER).asText(), f.path(Fields.NAME).asText()) + "; " + others;
            }
            case Ops.WHO:
                return "* " + f.path(Fields.COUNT).asLong() + " online: " + people(f.path(Fields.ONLINE))
                        + (f.path(Fields.COUNT).asLong() > f.path(Fields.ONLINE).size() ? ", ..." : "");
            case Ops.MSG:
                return f.path(Fields.STORED).asBoolean()
                        ? "* " + f.path(Fields.TO).asText() + " is offline; they will get it when they log in"
                        : "* sent to " + f.path(Fields.TO).asText();
            case Ops.AWAY:
                return f.path(Fields.AWAY).asBoolean() ? "* you are away: " + f.path(Fields.TEXT).asText() : "* you are back";
            case Ops.WHOIS:
                return "* " + f.path(Fields.USER).asText() + (!f.path(Fields.ONLINE).asBoolean() ? " is offline"
                        : f.has(Fields.AWAY) ? " is online, away: " + f.path(Fields.AWAY).asText() : " is online");
            case Ops.PASSWORD:
                return "* password changed";
            case Ops.RENAME:
                return "* you are now " + who(f.path(Fields.USER).asText(), f.path(Fields.NAME).asText());
            case Ops.DELETE_ACCOUNT:
                return "* account " + f.path(Fields.USER).asText() + " deleted";
            case Ops.LOGOUT:
                return "* logged out. Bye!";
            case Ops.HELP:
                return HELP;
            case Ops.PONG:
                return "* pong";
            default:
                return null;
        }
    }

    private static String people(JsonNode list) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : list) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(who(p.path(Fields.USER).asText(), p.path(Fields.NAME).asText()));
            if (p.has(Fields.AWAY)) sb.append(" [away]");
        }
        return sb.toString();
    }

    static String who(String id, String name) {
        return name == null || name.isEmpty() || name.equals(id) ? id : name + " (" + id + ")";
    }
}
