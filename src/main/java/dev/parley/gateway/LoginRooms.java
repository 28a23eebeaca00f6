package dev.parley.gateway;

import dev.parley.service.Empty;
import dev.parley.service.group.GroupAddresses;
import dev.parley.service.group.HeadReply;
import dev.parley.service.room.MyRoom;
import dev.parley.service.room.MyRoomsReply;
import dev.parley.service.room.MyRoomsRequest;
import dev.parley.service.room.RoomAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * At login, puts the session in its rooms and reads where "missed" ends and "live" begins in each:
 * the user's rooms ({@link RoomAddresses#MINE}), then this node's consumer of each room is registered
 * (awaited), and only then are the heads read, so a message published meanwhile is either in the history
 * up to the head or delivered live (held until the replay is written). When every room was already
 * consumed before the first read, its heads are good and the second read is skipped.
 *
 * <p>Seed sessions hear the default room only: their other rooms stay joined but are neither shown
 * nor marked read (docs/rooms-design.md).
 */
final class LoginRooms {
    private final GatewayServices services;
    private final GapFill gaps;

    LoginRooms(GatewayServices services) {
        this.services = services;
        this.gaps = new GapFill(services);
    }

    /** The session's rooms with their heads, the default room first (when the session is in it). */
    Future<List<MyRoom>> enter(Connection c) {
        String defaultRoom = services.config().defaultRoom();
        boolean seed = c.protocol() == Protocol.SEED;
        c.rooms().inDefault(seed || services.config().rooms().autoJoinDefault());
        Map<String, Long> readyAt = new HashMap<>();
        Future<List<MyRoom>> rooms = seed ? Future.succeededFuture(List.of()) : registered(c, readyAt);
        return rooms.compose(list -> {
            List<MyRoom> known = new ArrayList<>();
            for (MyRoom r : list) {
                // A room joined meanwhile from elsewhere is not consumed here yet: it waits for the next login.
                if (c.rooms().contains(r.name())) known.add(r);
            }
            boolean defaultListed = known.stream().anyMatch(r -> r.name().equals(defaultRoom));
            if (defaultListed || !c.rooms().contains(defaultRoom)) return Future.succeededFuture(known);
            return services.bus().<JsonObject>request(GroupAddresses.HEAD, Empty.INSTANCE.toJson()).map(h -> {
                known.add(0, new MyRoom(defaultRoom, services.config().rooms().defaultRoom(), HeadReply.fromJson(h.body()).head(), null));
                return known;
            });
        }).map(known -> {
            for (MyRoom r : known) {
                c.liveAfter(r.name(), r.head());
                // Entered through a new consumer: other nodes may not route the room here yet (see GapFill).
                Long at = readyAt.get(r.name());
                if (at != null) gaps.entered(c, r.name(), r.head(), at);
            }
            return known;
        });
    }

    /** The user's rooms, consumed on this node before their heads were read. */
    private Future<List<MyRoom>> registered(Connection c, Map<String, Long> readyAt) {
        long askedAt = System.nanoTime();
        return mine(c).compose(first -> {
            List<Future<Long>> ready = new ArrayList<>();
            for (MyRoom r : first) {
                if (c.rooms().isImplicit(r.name())) {
                    c.rooms().inDefault(true);
                } else if (!c.closed()) {
                    c.rooms().add(r.name(), r.display());
                    String room = r.name();
                    ready.add(c.gateway().rooms().enter(c, room).onSuccess(at -> readyAt.put(room, at)));
                }
            }
            return Future.all(ready).compose(all -> {
                boolean consumedBefore = true;
                for (Future<Long> f : ready) consumedBefore &= f.result() <= askedAt;
                return consumedBefore ? Future.succeededFuture(first) : mine(c);
            });
        });
    }

    private Future<List<MyRoom>> mine(Connection c) {
        return services.bus().<JsonObject>request(RoomAddresses.MINE, new MyRoomsRequest(c.user()).toJson())
                .map(m -> MyRoomsReply.fromJson(m.body()).rooms());
    }
}
