package dev.parley.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rooms one session is in, as its gateway instance's index has it (canonical name to display name),
 * and its current room (where a text client's plain lines go). With rooms.autoJoinDefault the default room
 * is implicit (everyone is in it, it is not indexed); otherwise it is kept like any other room.
 * Touched on the connection's event loop only.
 */
final class SessionRooms {
    private final String defaultRoom;
    private final boolean implicitDefault;
    private boolean inDefault;
    /** The other rooms, canonical to display; null while there is none (most sessions: an idle one holds no map). */
    private Map<String, String> rooms;
    /** Canonical; null: the default room. */
    private String current;

    SessionRooms(String defaultRoom, boolean implicitDefault) {
        this.defaultRoom = defaultRoom;
        this.implicitDefault = implicitDefault;
    }

    String defaultRoom() {
        return defaultRoom;
    }

    boolean isDefault(String room) {
        return defaultRoom.equals(room);
    }

    /** The implicit default room: everyone is in it, it is not indexed. */
    boolean isImplicit(String room) {
        return implicitDefault && isDefault(room);
    }

    /** Puts the session in the implicit default room (or a seed session in the default room, whatever the setting). */
    void inDefault(boolean in) {
        inDefault = in;
    }

    boolean contains(String room) {
        return (isDefault(room) && inDefault) || (rooms != null && rooms.containsKey(room));
    }

    /** Adds an indexed room (any but the implicit default room), or renames its display. */
    void add(String room, String display) {
        if (rooms == null) rooms = new HashMap<>();
        rooms.put(room, display);
    }

    void remove(String room) {
        if (rooms != null) {
            rooms.remove(room);
            if (rooms.isEmpty()) rooms = null;
        }
        if (room.equals(current)) current = null;
    }

    /** The display name of a room this session is in, else {@code fallback}. */
    String display(String room, String fallback) {
        String d = rooms == null ? null : rooms.get(room);
        return d == null ? fallback : d;
    }

    /** The indexed rooms (a copy: safe to leave them while iterating). */
    List<String> others() {
        return rooms == null ? new ArrayList<>() : new ArrayList<>(rooms.keySet());
    }

    void clear() {
        rooms = null;
        inDefault = false;
        current = null;
    }

    /** The current room, canonical (the default room until one is chosen). */
    String current() {
        return current == null ? defaultRoom : current;
    }

    void choose(String room) {
        current = isDefault(room) ? null : room;
    }

    /**
     * Whether a presence event published to {@code order}'s rooms reaches this session through the copy of
     * {@code via}: through the first of them it is in, so it hears the event once.
     */
    boolean hearsVia(String via, List<String> order) {
        for (String room : order) {
            if (contains(room)) return room.equals(via);
        }
        return false;
    }
}
