package dev.parley.service.room;

import dev.parley.protocol.Ops;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.RoomChange;
import dev.parley.service.delivery.RoomMessage;
import dev.parley.service.delivery.RoomTags;
import dev.parley.store.PresenceStore;
import dev.parley.store.Room;
import dev.parley.store.RoomStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

import java.time.Clock;
import java.util.Map;

/**
 * What happens in a room, published once to the room's address (every node for the implicit default room);
 * an invitation goes to the invited user's node only. Joins and parts are announced only in rooms of at most
 * {@code rooms.presenceFanoutMax} members, like presence: filling a room of N members one by one would
 * otherwise cost N²/2 events (180 million for 19,000). Twitch's IRC gateway draws the same line (no JOIN/PART
 * above 1,000 members). Kicks, topic and mode changes are always announced: the kicked user's node must hear
 * them, and operators change modes rarely (one event, not one per member).
 */
final class RoomEvents {
    private final EventBus bus;
    private final DefaultRoom defaultRoom;
    private final PresenceStore presence;
    private final RoomStore rooms;
    private final int fanoutMax;
    private final Clock clock;

    RoomEvents(EventBus bus, DefaultRoom defaultRoom, PresenceStore presence, RoomStore rooms, int fanoutMax, Clock clock) {
        this.bus = bus;
        this.defaultRoom = defaultRoom;
        this.presence = presence;
        this.rooms = rooms;
        this.fanoutMax = fanoutMax;
        this.clock = clock;
    }

    /** @param room canonical name; @param display as shown to users; @param tags client-only tags, live only */
    void message(String room, String display, StoredMessage stored, Map<String, String> tags) {
        bus.publish(defaultRoom.address(room), new RoomMessage(room, display, stored, tags).toJson());
    }

    /** Client-only tags (TAGMSG) for the room's online members, published like a message and never stored. */
    void tags(String room, String display, String from, String name, String id, long ts, Map<String, String> tags) {
        bus.publish(defaultRoom.address(room), new RoomTags(room, display, from, name, id, ts, tags).toJson());
    }

    /** Completes once announced (or found too big to announce); never fails the join. */
    Future<Void> joined(Room room, String user, String name) {
        RoomChange c = new RoomChange(Ops.JOINED, room.name(), room.display(), user, name, null, null, clock.millis());
        return announceIfSmall(c);
    }

    /** Completes once announced (or found too big to announce); never fails the part. */
    Future<Void> parted(Room room, String user, String reason) {
        RoomChange c = new RoomChange(Ops.PARTED, room.name(), room.display(), user, null, null, reason, clock.millis());
        return announceIfSmall(c);
    }

    private Future<Void> announceIfSmall(RoomChange c) {
        if (defaultRoom.implicitlyJoined(c.room())) return Future.succeededFuture();
        return rooms.memberCount(c.room()).map(count -> {
            if (count <= fanoutMax) change(c);
            return (Void) null;
        }).otherwise((Void) null);
    }

    /** Kicked or banned: the user's node stops delivering the room to them. */
    void kicked(Room room, String user, String by, String reason) {
        change(new RoomChange(Ops.KICKED, room.name(), room.display(), user, null, by, reason, clock.millis()));
    }

    void topic(Room room, String topic, String by, long ts) {
        change(new RoomChange(Ops.TOPIC, room.name(), room.display(), null, null, by, topic, ts));
    }

    /**
     * An operator changed a mode: {@code change} is one of {@link RoomChange#MODE_CHANGES}; {@code user} is whom
     * it names (null for invite-only).
     */
    void mode(Room room, String change, String user, String by) {
        change(new RoomChange(Ops.MODE, room.name(), room.display(), user, null, by, change, clock.millis()));
    }

    /** Tells the invited user, when online, on their node; true when it was sent. Never fails the invitation. */
    Future<Boolean> invited(Room room, String user, String by) {
        return presence.get(user).map(entry -> {
            if (entry == null) return false;
            bus.send(NodeAddresses.node(entry.node()),
                    new RoomChange(Ops.INVITED, room.name(), room.display(), user, null, by, null, clock.millis()).toJson());
            return true;
        }).otherwise(false);
    }

    private void change(RoomChange c) {
        bus.publish(defaultRoom.address(c.room()), c.toJson());
    }
}
