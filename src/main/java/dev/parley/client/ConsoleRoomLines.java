package dev.parley.client;

import dev.parley.protocol.DisplayText;
import dev.parley.protocol.Fields;
import dev.parley.protocol.ModeChangeWords;
import dev.parley.protocol.Ops;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The console's words for rooms: room events and the replies to room commands. Every field that came from the
 * server is made one safe line; a listing is several lines, each made safe on its own.
 */
final class ConsoleRoomLines {

    /** The logged-in id, to say "you". */
    private final Supplier<String> me;

    ConsoleRoomLines(Supplier<String> me) {
        this.me = me;
    }

    /** The line of a room event; null when the op is not one. */
    String event(JsonObject frame) {
        String room = field(frame, Fields.ROOM);
        String reason = field(frame, Fields.REASON);
        String why = reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
        return switch (Frames.op(frame)) {
            case Ops.JOINED -> "* " + person(frame) + " joined " + room;
            case Ops.PARTED -> "* " + person(frame) + " left " + room + why;
            case Ops.KICKED -> "* " + person(frame) + (isMe(frame) ? " were" : " was") + " kicked from " + room
                    + " by " + field(frame, Fields.BY) + why;
            case Ops.TOPIC -> {
                String text = field(frame, Fields.TEXT);
                yield text == null || text.isEmpty()
                        ? "* " + field(frame, Fields.BY) + " cleared the topic of " + room
                        : "* " + field(frame, Fields.BY) + " set the topic of " + room + ": " + text;
            }
            case Ops.INVITED -> "* " + field(frame, Fields.BY) + " invited you to " + room + "; /join " + room + " to enter";
            case Ops.MODE -> "* " + ModeChangeWords.describe(field(frame, Fields.BY), field(frame, Fields.MODE_CHANGE),
                    field(frame, Fields.USER), room);
            default -> null;
        };
    }

    /** The text of a successful room reply (several lines for listings); null when the op is not a room request's. */
    String reply(JsonObject request, JsonObject reply, Function<JsonObject, String> message) {
        String room = reply.getValue(Fields.ROOM) instanceof String r ? DisplayText.oneLine(r) : field(request, Fields.ROOM);
        return switch (Frames.op(request)) {
            case Ops.JOIN -> joined(reply);
            case Ops.PART -> "* you left " + room;
            case Ops.ROOM -> "* plain text now goes to " + room;
            case Ops.ROOMS -> rooms(reply);
            case Ops.MEMBERS -> members(reply, room);
            case Ops.TOPIC -> {
                String topic = field(reply, Fields.TOPIC);
                yield topic == null || topic.isEmpty() ? "* " + room + " has no topic" : "* topic of " + room + ": " + topic;
            }
            case Ops.HISTORY -> history(reply, room, message);
            case Ops.KICK, Ops.BAN, Ops.UNBAN, Ops.INVITE ->
                    "* " + Frames.op(request) + " " + field(request, Fields.USER) + " in " + room + ": done";
            case Ops.MODE -> "* mode of " + room + " changed";
            default -> null;
        };
    }

    private static String joined(JsonObject reply) {
        JsonObject room = reply.getValue(Fields.ROOM) instanceof JsonObject r ? r : new JsonObject();
        String name = field(room, Fields.DISPLAY);
        String topic = field(room, Fields.TOPIC);
        String head = Boolean.TRUE.equals(reply.getValue(Fields.CREATED))
                ? "* you created " + name + " and are its operator"
                : "* you joined " + name + " (" + counts(room) + ")";
        return head + "; plain text now goes there" + (topic == null || topic.isEmpty() ? "" : "; topic: " + topic);
    }

    private static String counts(JsonObject room) {
        return field(room, Fields.MEMBERS) + " members, " + field(room, Fields.ONLINE) + " online";
    }

    private static String rooms(JsonObject reply) {
        JsonArray rooms = reply.getJsonArray(Fields.ROOMS, new JsonArray());
        if (rooms.isEmpty()) {
            return "* no rooms";
        }
        List<String> lines = new ArrayList<>();
        lines.add("* " + rooms.size() + " of " + field(reply, Fields.TOTAL) + " rooms:");
        for (Object item : rooms) {
            if (item instanceof JsonObject room) {
                String topic = field(room, Fields.TOPIC);
                lines.add("  " + field(room, Fields.DISPLAY) + "  " + counts(room) + (topic == null || topic.isEmpty() ? "" : "  " + topic));
            }
        }
        if (reply.getValue(Fields.NEXT) != null) {
            lines.add("* more: /rooms " + field(reply, Fields.NEXT));
        }
        return String.join("\n", lines);
    }

    private String members(JsonObject reply, String room) {
        List<String> people = new ArrayList<>();
        for (Object item : reply.getJsonArray(Fields.MEMBERS, new JsonArray())) {
            if (item instanceof JsonObject m) {
                String name = field(m, Fields.NAME);
                String user = field(m, Fields.USER);
                people.add((Boolean.TRUE.equals(m.getValue(Fields.IS_OP)) ? "@" : "")
                        + (name == null || name.isEmpty() || name.equals(user) ? user : name + " (" + user + ")")
                        + (Boolean.FALSE.equals(m.getValue(Fields.ONLINE)) ? " (offline)" : ""));
            }
        }
        boolean capped = people.size() < reply.getInteger(Fields.COUNT, people.size());
        return "* " + field(reply, Fields.COUNT) + " members of " + room + ": " + String.join(", ", people) + (capped ? ", ..." : "");
    }

    private static String history(JsonObject reply, String room, Function<JsonObject, String> message) {
        JsonArray messages = reply.getJsonArray(Fields.MESSAGES, new JsonArray());
        List<String> lines = new ArrayList<>();
        lines.add(messages.isEmpty() ? "* no messages in " + room : "* history of " + room + ", oldest first:");
        for (Object item : messages) {
            if (item instanceof JsonObject m) {
                lines.add(message.apply(m));
            }
        }
        if (Boolean.TRUE.equals(reply.getValue(Fields.MORE))) {
            lines.add("* older messages exist: /history " + room + " <n> shows the last n");
        }
        return String.join("\n", lines);
    }

    private boolean isMe(JsonObject frame) {
        String user = EventFormatter.field(frame, Fields.USER);
        return user != null && user.equals(me.get());
    }

    private String person(JsonObject frame) {
        if (isMe(frame)) {
            return "you";
        }
        String name = field(frame, Fields.NAME);
        return name == null || name.isBlank() ? field(frame, Fields.USER) : name;
    }

    /** A server field as one safe line (see ConsoleFormatter). */
    private static String field(JsonObject frame, String key) {
        return DisplayText.oneLine(EventFormatter.field(frame, key));
    }
}
