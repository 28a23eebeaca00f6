package dev.parley.gateway;

import io.vertx.core.Future;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One gateway instance's index of which of its connections are members of which room (canonical names),
 * touched on its event loop only. The instance holds one reference on the node's subscription to a room
 * ({@link RoomSubscriptions}) while it has at least one member of it: taken with the first member,
 * given back with the last, so joins and parts of further members cost nothing beyond this map.
 *
 * @param <C> a connection (a plain object in tests)
 */
final class RoomMembers<C> {

    /** The node's side: one call per (instance, room) transition, answered on this instance's loop. */
    interface Upstream {
        /** Completes once the node's consumer of the room is registered cluster-wide, with when (nanoTime). */
        Future<Long> acquire(String room);

        void release(String room);
    }

    private static final class Local<C> {
        /** Unordered: fan-out order across members is no contract (a plain set entry is 8 B smaller per member). */
        final Set<C> members = new HashSet<>();
        Future<Long> ready;
    }

    private final Upstream upstream;
    private final Map<String, Local<C>> rooms = new HashMap<>();

    RoomMembers(Upstream upstream) {
        this.upstream = upstream;
    }

    /**
     * Adds {@code c} to {@code room}; the future completes once the node receives the room's events (at once
     * when it already does), with the nanoTime the subscription became ready.
     */
    Future<Long> add(String room, C c) {
        Local<C> local = rooms.get(room);
        if (local == null) {
            local = new Local<>();
            rooms.put(room, local);
            local.ready = upstream.acquire(room);
        }
        local.members.add(c);
        return local.ready;
    }

    /** Removes {@code c} from {@code room}; true when it was a member. */
    boolean remove(String room, C c) {
        Local<C> local = rooms.get(room);
        if (local == null || !local.members.remove(c)) return false;
        if (local.members.isEmpty()) {
            rooms.remove(room);
            upstream.release(room);
        }
        return true;
    }

    /** The room's members here, in joining order (empty when none). Not to be modified while iterating it. */
    Set<C> members(String room) {
        Local<C> local = rooms.get(room);
        return local == null ? Collections.emptySet() : local.members;
    }

    boolean contains(String room, C c) {
        Local<C> local = rooms.get(room);
        return local != null && local.members.contains(c);
    }

    /** Rooms with at least one member here. */
    int roomCount() {
        return rooms.size();
    }
}
