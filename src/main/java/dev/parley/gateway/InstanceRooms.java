package dev.parley.gateway;

import dev.parley.ops.ParleyMetrics;
import dev.parley.protocol.MessageEvent;
import io.vertx.core.Future;

import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * One gateway instance's rooms: which of its connections are in which room ({@link RoomMembers}), and the
 * delivery of a room's events to them, one task per event for the whole instance. Touched on the instance's
 * event loop only. The implicit default room is not indexed: its events reach every connection.
 */
final class InstanceRooms {
    private final GatewaySettings settings;
    /** Every connection of the instance: the implicit default room's audience. */
    private final Iterable<Connection> everyone;
    private final RoomMembers<Connection> members;
    /** Counts deliveries once per event and instance (see {@link GatewayVerticle#counted}). */
    private final ObjLongConsumer<EncodedEvent> counted;
    private final ParleyMetrics metrics;

    InstanceRooms(GatewaySettings settings, Iterable<Connection> everyone, RoomMembers<Connection> members,
                  ObjLongConsumer<EncodedEvent> counted, ParleyMetrics metrics) {
        this.settings = settings;
        this.everyone = everyone;
        this.members = members;
        this.counted = counted;
        this.metrics = metrics;
    }

    /** Delivers a room's event to this instance's members of the room. */
    void toMembers(String room, EncodedEvent e) {
        long written = 0;
        for (Connection c : members.members(room)) {
            if (c.deliver(e)) written++;
        }
        counted.accept(e, written);
        if (e.event instanceof MessageEvent msg) metrics.recordDeliveryLatency(msg.ts());
    }

    /**
     * A presence event's copy published to room {@code via} (the implicit default room: every connection here):
     * delivered to those who hear it through that room, the first of {@code order} they are in.
     */
    void presence(EncodedEvent e, String via, List<String> order) {
        long written = 0;
        for (Connection c : settings.implicitRoom(via) ? everyone : members.members(via)) {
            if (c.rooms().hearsVia(via, order) && c.deliver(e)) written++;
        }
        counted.accept(e, written);
    }

    /**
     * A join, part, kick or topic change in {@code room}: shown to the room's members here (a kicked user
     * included; never to seed sessions, whose frames have no room), then a kicked member leaves the index,
     * so it stops receiving the room at once.
     */
    void roomChange(String room, String subjectUser, boolean subjectLeaves, EncodedEvent e) {
        boolean implicit = settings.implicitRoom(room);
        Connection subject = null;
        long written = 0;
        for (Connection c : implicit ? everyone : members.members(room)) {
            if (subjectUser != null && subjectUser.equals(c.user())) subject = c;
            if (c.protocol() != Protocol.SEED && c.rooms().contains(room) && c.deliver(e)) written++;
        }
        counted.accept(e, written);
        if (subject != null && subjectLeaves && !implicit) leave(subject, room);
    }

    /**
     * Puts {@code c} in {@code room}'s index; completes (on this loop) once the node receives the room's
     * events, with when that became so (nanoTime).
     */
    Future<Long> enter(Connection c, String room) {
        return members.add(room, c);
    }

    /** Takes {@code c} out of {@code room}: it stops receiving the room's events at once. */
    void leave(Connection c, String room) {
        members.remove(room, c);
        c.leftRoom(room);
    }

    /** Takes {@code c} out of every room's index (its session ended or its login failed). */
    void leaveAll(Connection c) {
        for (String room : c.rooms().others()) members.remove(room, c);
        c.rooms().clear();
    }
}
