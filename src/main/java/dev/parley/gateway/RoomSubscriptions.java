package dev.parley.gateway;

import io.vertx.core.Future;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The node's consumers of room addresses ({@code parley.room.<canonical>}): one per room while at least one
 * local gateway instance holds a member of it (reference counted per instance, see {@link RoomMembers}),
 * unregistered when the last instance gives its reference back. A room message thus reaches this node once,
 * whatever the number of local members, and never reaches a node without any. Touched only on the delivery
 * verticle's context ({@link NodeDeliveryVerticle}).
 *
 * <p><b>A new consumer is not routed to at once.</b> {@link #acquire} completes once the registration reached the
 * cluster's subscription table, with the nanoTime it did. Other nodes publish with Vert.x's cached per-address
 * node list, refreshed asynchronously by Hazelcast entry events (tens of ms, longer under load), so a message
 * published on another node just after the completion may not be sent here. The sessions that entered a room
 * through a consumer ready less than {@link GapFill#WINDOW_MS} ago (a join, or a login) therefore read the room's
 * messages after the head they started from once that window has passed and are given those they did not get
 * live ({@link GapFill}; docs/rooms-design.md, "Routing a room message"). A session entering through an older
 * consumer needs nothing. The completion time of a re-registration ({@link #reregister}) is not handed to sessions
 * already in the room: what was published while the registration was missing is not filled (see below).
 *
 * <p><b>Node death.</b> When another node dies, Hazelcast removes its registrations when the member leaves
 * the cluster (about 0.3 s after a kill, up to the heartbeat timeout for a frozen node); nothing changes
 * here. Messages published to the dead node meanwhile are lost for its (dead) sessions only; those users
 * replay them from history at their next login, from the read positions saved at their last login's replay
 * (the positions of a session that dies with its node are not saved at its end).
 *
 * <p><b>Split and merge.</b> After a healed split Hazelcast's merge can drop this node's registrations from the
 * cluster-wide registry, as for the node addresses: the cluster's subscription guard
 * ({@code dev.parley.cluster.SubscriptionGuard}) finds each address of this node missing from the registry and
 * {@link #reregister(String)} registers that room's consumer again (through {@link NodeDeliveryVerticle#reregister}). The local counts are kept; a message published
 * while the registration was missing is not delivered live (the user sees it with {@code history}).
 *
 * @param <L> a local fan-out target: a gateway instance (a plain object in tests)
 */
final class RoomSubscriptions<L> {

    /** Registers the consumer of one room's address. */
    interface Registrar {
        Registration register(String room);
    }

    /** One consumer registration. */
    interface Registration {
        /** Completes once the registration reached the cluster's subscription table. */
        Future<Void> completion();

        Future<Void> unregister();
    }

    private final class Entry {
        final Map<L, Integer> locals = new HashMap<>();
        Registration registration;
        Future<Long> ready;

        void register(String room) {
            registration = registrar.register(room);
            ready = registration.completion().map(v -> nanoTime.getAsLong());
        }
    }

    private final Registrar registrar;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> rooms = new HashMap<>();

    RoomSubscriptions(Registrar registrar, LongSupplier nanoTime) {
        this.registrar = registrar;
        this.nanoTime = nanoTime;
    }

    /**
     * One more reference from {@code local}; registers the room's consumer on the first one. Completes with
     * the nanoTime the consumer became ready. Every acquire is matched by one {@link #release}, even a failed one.
     */
    Future<Long> acquire(String room, L local) {
        Entry e = rooms.get(room);
        if (e == null) {
            e = new Entry();
            rooms.put(room, e);
            e.register(room);
        }
        e.locals.merge(local, 1, Integer::sum);
        return e.ready;
    }

    /** Gives a reference back; the last one unregisters the room's consumer. */
    void release(String room, L local) {
        Entry e = rooms.get(room);
        if (e == null) return;
        Integer left = e.locals.computeIfPresent(local, (l, n) -> n > 1 ? n - 1 : null);
        if (left == null && e.locals.isEmpty()) {
            rooms.remove(room);
            e.registration.unregister();
        }
    }

    /** The local instances holding members of {@code room}: each gets one task per event. */
    Set<L> locals(String room) {
        Entry e = rooms.get(room);
        return e == null ? Collections.emptySet() : e.locals.keySet();
    }

    /** Rooms this node consumes. */
    int size() {
        return rooms.size();
    }

    /** Registers one room's consumer again (the cluster's registry lost it); nothing when the room was released. */
    Future<?> reregister(String room) {
        Entry e = rooms.get(room);
        if (e == null) return Future.succeededFuture();
        return e.registration.unregister().transform(v -> {
            if (rooms.get(room) != e) return Future.succeededFuture();   // released meanwhile
            e.register(room);
            return e.ready;
        });
    }
}
