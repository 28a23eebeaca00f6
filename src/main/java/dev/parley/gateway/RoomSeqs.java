package dev.parley.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A session's message sequence number per room (0: none), each only ever raised. Most sessions are in one room,
 * so the first room is kept in two fields and a map is made only for a second one: an idle session holds no
 * map (one-entry HashMaps cost ~180 bytes each, two per session, docs/performance.md "Idle memory per session").
 */
final class RoomSeqs {
    private boolean hasFirst;
    private String firstRoom;
    private long firstSeq;
    /** Every room but the first; null while there is none. */
    private Map<String, Long> more;

    long get(String room) {
        if (hasFirst && Objects.equals(firstRoom, room)) return firstSeq;
        return more == null ? 0L : more.getOrDefault(room, 0L);
    }

    /** Keeps the larger of the room's current number and {@code seq}. */
    void raise(String room, long seq) {
        if (hasFirst && Objects.equals(firstRoom, room)) {
            firstSeq = Math.max(firstSeq, seq);
        } else if (more != null && more.containsKey(room)) {
            more.merge(room, seq, Math::max);
        } else if (!hasFirst) {
            hasFirst = true;
            firstRoom = room;
            firstSeq = seq;
        } else {
            if (more == null) more = new HashMap<>();
            more.put(room, seq);
        }
    }

    void remove(String room) {
        if (hasFirst && Objects.equals(firstRoom, room)) {
            hasFirst = false;
            firstRoom = null;
            firstSeq = 0;
        } else if (more != null) {
            more.remove(room);
            if (more.isEmpty()) more = null;
        }
    }

    void clear() {
        hasFirst = false;
        firstRoom = null;
        firstSeq = 0;
        more = null;
    }

    /** A copy, room to number. */
    Map<String, Long> toMap() {
        Map<String, Long> copy = more == null ? new HashMap<>() : new HashMap<>(more);
        if (hasFirst) copy.put(firstRoom, firstSeq);
        return copy;
    }
}
