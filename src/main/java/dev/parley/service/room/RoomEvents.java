package dev.parley.service.room;

import dev.parley.protocol.Ops;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.RoomChange;
import dev.parley.service.delivery.RoomMessage;
import dev.parley.store.PresenceStore;
import dev.parley.store.Room;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

import java.time.Clock;

/**
 * What happens in a room, published once to the room's address (every node for the implicit default room);
 * an invitation goes to the invited user's node only.
 */
final class RoomEvents {
    private final EventBus bus;
    private final DefaultRoom defaultRoom;
    private final PresenceStore presence;
    private final Clock clock;

    RoomEvents(EventBus bus, DefaultRoom defaultRoom, PresenceStore presence, Clock clock) {
        this.bus = bus;
        this.defaultRoom = defaultRoom;
        this.presence = presence;
        this.clock = clock;
    }

    void message(Room room, StoredMessage stored) {
        bus.publish(defaultRoom.address(room.name()), new RoomMessage(room.name(), room.display(), stored).toJson());
    }

    void joined(Room room, String user, String name) {
        change(new RoomChange(Ops.JOINED, room.name(), room.display(), user, name, null, null, clock.millis()));
    }

    void parted(Room room, String user, String reason) {
        change(new RoomChange(Ops.PARTED, room.name(), room.display(), user, null, null, reason, clock.millis()));
    }

    /** Kicked or banned: the user's node stops delivering the room to them. */
    void kicked(Room room, String user, String by, String reason) {
        change(new RoomChange(Ops.KICKED, room.name(), room.display(), user, null, by, reason, clock.millis()));
    }

    void topic(Room room, String topic, String by, long ts) {
        change(new RoomChange(Ops.TOPIC, room.name(), room.display(), null, null, by, topic, ts));
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
