package dev.parley.service.presence;

import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.room.RoomAddresses;
import dev.parley.store.PresenceEntry;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Arrivals and departures in rooms (issue 14): one {@link PresenceChange} naming every room it goes to, published
 * to every node for the default room (under {@link PresenceAnnouncer}'s rule, listed first) and to the address of
 * each of the user's other rooms with at most {@code roomFanoutMax} members. A recipient's node delivers it
 * through the first listed room the recipient is in, so each co-member hears it once however many rooms they share.
 */
public final class RoomPresence implements PresenceAnnouncer.Rooms {
    /** Where a change goes once its rooms are known. */
    public interface Target {
        /** @param toDefault the default room hears it; {@code others}: the other rooms listed in the change */
        void send(PresenceChange change, boolean toDefault, List<String> others);
    }

    private final String defaultRoom;
    private final int roomFanoutMax;
    private final RoomStore rooms;
    private final PresenceAnnouncer announcer;
    private final Target target;

    /** @param defaultRoom the default room's canonical name */
    public RoomPresence(String defaultRoom, int roomFanoutMax, RoomStore rooms, PresenceAnnouncer announcer, Target target) {
        this.defaultRoom = defaultRoom;
        this.roomFanoutMax = roomFanoutMax;
        this.rooms = rooms;
        this.announcer = announcer;
        this.target = target;
    }

    /** Published: once to every node when the default room hears it, once to each listed room's address. */
    public static Target overBus(EventBus bus) {
        return (change, toDefault, others) -> {
            if (toDefault) bus.publish(NodeAddresses.ALL, change.toJson());
            for (String room : others) bus.publish(RoomAddresses.events(room), change.toJson());
        };
    }

    /** Straight to this node's users, once: the node delivers it through the listed rooms (a dead node's users). */
    public static Target locally(Consumer<Delivery> localDelivery) {
        return (change, toDefault, others) -> localDelivery.accept(change);
    }

    /** @param onlineNow users online, {@code arrived} included */
    public Future<Void> arrived(PresenceEntry arrived, long onlineNow) {
        return announce(arrived, true, announcer.announces(onlineNow));
    }

    /** @param onlineAfter users online once {@code left} was removed (the rule counts them in) */
    public Future<Void> left(PresenceEntry left, long onlineAfter) {
        return announce(left, false, announcer.announces(onlineAfter + 1));
    }

    @Override
    public Future<Void> announce(PresenceEntry e, boolean online, boolean toDefault) {
        return announce(e.user(), toDefault, rooms -> new PresenceChange(e.user(), e.name(), online, rooms));
    }

    /**
     * {@code e}'s away status changed (to {@code e.away()}): told to the same co-members as an arrival, under the same
     * rule, so that IRC away-notify and JSON clients hear it without a loop of its own.
     *
     * @param onlineNow users online, {@code e} included
     */
    public Future<Void> awayChanged(PresenceEntry e, long onlineNow) {
        return announce(e.user(), announcer.announces(onlineNow), rooms -> PresenceChange.away(e.user(), e.name(), e.away(), rooms));
    }

    /** @param change the change for the listed rooms (empty: the default room only) */
    private Future<Void> announce(String user, boolean toDefault, java.util.function.Function<List<String>, PresenceChange> change) {
        return smallRooms(user)
                // The default room is still told when the rooms cannot be read.
                .otherwise(List.of())
                .map(others -> {
                    if (others.isEmpty()) {
                        // As before rooms: no list, the default room only.
                        if (toDefault) target.send(change.apply(List.of()), true, List.of());
                        return null;
                    }
                    List<String> listed = new ArrayList<>();
                    if (toDefault) listed.add(defaultRoom);
                    listed.addAll(others);
                    target.send(change.apply(List.copyOf(listed)), toDefault, others);
                    return null;
                });
    }

    /** The user's rooms other than the default one, small enough to hear of comings and goings, in the store's order. */
    private Future<List<String>> smallRooms(String user) {
        return rooms.roomsOf(user).compose(all -> {
            List<String> others = all.stream().filter(r -> !r.equals(defaultRoom)).toList();
            List<Future<Long>> counts = others.stream().map(rooms::memberCount).toList();
            return Future.all(counts).map(v -> {
                List<String> small = new ArrayList<>();
                for (int i = 0; i < others.size(); i++) {
                    if (counts.get(i).result() <= roomFanoutMax) small.add(others.get(i));
                }
                return small;
            });
        });
    }
}
