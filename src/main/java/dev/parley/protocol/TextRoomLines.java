package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The text protocol's lines for rooms: room events, and the replies to the room requests. Listings (rooms,
 * history) are several lines, each made safe by the caller like any other line.
 */
final class TextRoomLines {

    /** Replies shown as several lines. */
    private static final Set<String> LISTINGS = Set.of(Ops.ROOMS, Ops.HISTORY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    TextRoomLines(ZoneId zone) {
        this.zone = zone;
    }

    static boolean isListing(Reply r) {
        return r.ok() && LISTINGS.contains(r.op());
    }

    /** {@code [14:02] * bob (200) joined #dev}, and so on; null for an unknown kind. */
    String event(RoomNotice n) {
        String when = "[" + TIME.format(Instant.ofEpochMilli(n.ts() > 0 ? n.ts() : System.currentTimeMillis()).atZone(zone)) + "] * ";
        String reason = n.text() == null || n.text().isEmpty() ? "" : " (" + n.text() + ")";
        return switch (n.kind()) {
            case Ops.JOINED -> when + who(n.user(), n.name()) + " joined " + n.room();
            case Ops.PARTED -> when + who(n.user(), n.name()) + " left " + n.room() + reason;
            case Ops.KICKED -> when + who(n.user(), n.name()) + " was kicked from " + n.room() + " by " + n.by() + reason;
            case Ops.TOPIC -> n.text() == null || n.text().isEmpty()
                    ? when + n.by() + " cleared the topic of " + n.room()
                    : when + n.by() + " set the topic of " + n.room() + ": " + n.text();
            case Ops.INVITED -> when + n.by() + " invited you to " + n.room() + "; /join " + n.room() + " to enter";
            case Ops.MODE -> when + ModeChangeWords.describe(n.by(), n.text(), n.user(), n.room());
            default -> null;
        };
    }

    /** The one line for a room reply, or null when the op is not a room request's. */
    String reply(Reply r) {
        JsonNode f = r.fields();
        String room = f.path(Fields.ROOM).asText("");
        String user = f.path(Fields.USER).textValue();
        return switch (r.op()) {
            case Ops.JOIN -> joined(f);
            case Ops.PART -> "* you left " + room;
            case Ops.ROOM -> "* current room: " + room + " (plain text goes there)";
            case Ops.MEMBERS -> members(f);
            case Ops.TOPIC -> topic(f);
            case Ops.KICK -> user == null ? "* kick done in " + room : "* " + user + " was kicked from " + room;
            case Ops.BAN -> user == null ? "* ban done in " + room : "* " + user + " is banned from " + room;
            case Ops.UNBAN -> user == null ? "* unban done in " + room : "* " + user + " may join " + room + " again";
            case Ops.INVITE -> user == null ? "* invitation sent for " + room : "* invited " + user + " to " + room;
            case Ops.MODE -> "* mode of " + room + " changed";
            default -> null;
        };
    }

    /** The lines of a listing reply ({@link #isListing}). */
    List<String> listing(Reply r, Function<MessageEvent, String> message) {
        return Ops.ROOMS.equals(r.op()) ? rooms(r.fields()) : history(r.fields(), message);
    }

    private static String joined(JsonNode f) {
        JsonNode room = f.path(Fields.ROOM);
        String name = room.path(Fields.DISPLAY).asText(room.path(Fields.NAME).asText(""));
        String topic = room.path(Fields.TOPIC).asText("");
        String head = f.path(Fields.CREATED).asBoolean()
                ? "* you created " + name + " and are its operator"
                : "* you joined " + name + " (" + counts(room) + ")";
        return head + "; plain text now goes to " + name + (topic.isEmpty() ? "" : "; topic: " + topic);
    }

    private static String counts(JsonNode room) {
        long online = room.path(Fields.ONLINE).asLong(-1);
        return room.path(Fields.MEMBERS).asLong() + " members" + (online >= 0 ? ", " + online + " online" : "");
    }

    // * 3 members of #dev: @alice (100), bob (200), carol (300) (offline)
    private static String members(JsonNode f) {
        StringBuilder sb = new StringBuilder("* ").append(f.path(Fields.COUNT).asLong()).append(" members of ")
                .append(f.path(Fields.ROOM).asText("")).append(':');
        String sep = " ";
        for (JsonNode m : f.path(Fields.MEMBERS)) {
            sb.append(sep).append(m.path(Fields.IS_OP).asBoolean() ? "@" : "")
                    .append(who(m.path(Fields.USER).asText(), m.path(Fields.NAME).textValue()))
                    .append(m.path(Fields.ONLINE).asBoolean(true) ? "" : " (offline)");
            sep = ", ";
        }
        if (f.path(Fields.COUNT).asLong() > f.path(Fields.MEMBERS).size()) sb.append(", ...");
        return sb.toString();
    }

    private String topic(JsonNode f) {
        String room = f.path(Fields.ROOM).asText("");
        String topic = f.path(Fields.TOPIC).asText("");
        if (topic.isEmpty()) return "* " + room + " has no topic";
        String by = f.path(Fields.BY).textValue();
        long ts = f.path(Fields.TS).asLong();
        String set = by == null ? "" : " (set by " + by + (ts > 0 ? ", " + dateTime(ts) : "") + ")";
        return "* topic of " + room + ": " + topic + set;
    }

    // * 2 of 2 rooms:
    // *   #dev: 3 members, 2 online: the topic
    private static List<String> rooms(JsonNode f) {
        List<String> lines = new ArrayList<>();
        JsonNode rooms = f.path(Fields.ROOMS);
        if (rooms.size() == 0) {
            lines.add("* no rooms" + (f.has(Fields.AFTER) ? " here" : ""));
            return lines;
        }
        lines.add("* " + rooms.size() + " of " + f.path(Fields.TOTAL).asLong(rooms.size()) + " rooms:");
        for (JsonNode room : rooms) {
            String topic = room.path(Fields.TOPIC).asText("");
            lines.add("*   " + room.path(Fields.DISPLAY).asText(room.path(Fields.NAME).asText("")) + ": " + counts(room)
                    + (topic.isEmpty() ? "" : ": " + topic));
        }
        String next = f.path(Fields.NEXT).textValue();
        if (next != null) lines.add("* more: /rooms " + next);
        return lines;
    }

    private static List<String> history(JsonNode f, Function<MessageEvent, String> message) {
        String room = f.path(Fields.ROOM).asText("");
        List<String> lines = new ArrayList<>();
        JsonNode messages = f.path(Fields.MESSAGES);
        lines.add(messages.size() == 0 ? "* no messages in " + room : "* history of " + room + ", oldest first:");
        for (JsonNode m : messages) {
            lines.add(message.apply(MessageJson.event(m)));
        }
        if (f.path(Fields.MORE).asBoolean()) {
            lines.add("* older messages exist: /history " + room + " <n> shows the last n");
        }
        return lines;
    }

    private String dateTime(long ts) {
        return DATE_TIME.format(Instant.ofEpochMilli(ts).atZone(zone));
    }

    private static String who(String id, String name) {
        return TextLineEncoder.who(id, name);
    }
}
