package dev.parley.client;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import dev.parley.protocol.RoomName;
import io.vertx.core.json.JsonObject;

/**
 * The room plain text goes to: null for the server's default room, else the room last joined or chosen with
 * /room. Set only from the server's answers (so it is always a room the user is in) and cleared when the user
 * leaves it or is kicked. Kept across a reconnect (membership is the server's), dropped at a new login.
 * Written on the session's loop; read from any thread.
 */
final class CurrentRoom {

    private volatile String room;

    /** The current room's display name, or null for the default room. */
    String get() {
        return room;
    }

    /** Applies a reply to one of the user's requests. */
    void apply(JsonObject request, JsonObject reply) {
        if (!Frames.ok(reply)) {
            return;
        }
        switch (Frames.op(request)) {
            case Ops.JOIN -> {
                JsonObject joined = reply.getValue(Fields.ROOM) instanceof JsonObject r ? r : new JsonObject();
                room = joined.getString(Fields.DISPLAY, request.getString(Fields.ROOM));
            }
            case Ops.ROOM -> {
                if (reply.getValue(Fields.ROOM) instanceof String chosen) room = chosen;
            }
            case Ops.PART -> left(reply.getValue(Fields.ROOM) instanceof String r ? r : request.getString(Fields.ROOM));
            case Ops.LOGIN, Ops.LOGOUT -> room = null;
            default -> {
            }
        }
    }

    /** Notes a room event: being kicked from the current room ends it. */
    void event(JsonObject frame, String op, String me) {
        if (op.equals(Ops.KICKED) && me != null && me.equals(frame.getString(Fields.USER))) {
            left(frame.getString(Fields.ROOM));
        }
    }

    private void left(String name) {
        String current = room;
        if (current != null && name != null && RoomName.canonical(current).equals(RoomName.canonical(name))) {
            room = null;
        }
    }
}
