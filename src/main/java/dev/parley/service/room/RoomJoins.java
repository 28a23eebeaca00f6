package dev.parley.service.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.Empty;
import dev.parley.store.CounterStore;
import dev.parley.store.ReadPositionStore;
import dev.parley.store.Room;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Membership: joining (creating the room on first join), parting (deleting a room left empty unless
 * rooms.keepEmpty), and leaving every room when an account is deleted.
 */
final class RoomJoins {
    /** A join that finds its room deleted under it creates it again; more than this many times is a storm, not a race. */
    static final int JOIN_ATTEMPTS = 3;
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final ParleyConfig.Rooms config;
    private final DefaultRoom defaultRoom;
    private final RoomStore rooms;
    private final RoomHistoryStore history;
    private final ReadPositionStore reads;
    private final CounterStore counters;
    private final RoomAccess access;
    private final RoomEvents events;
    /** How a room is shown in the reply (the same as in the rooms list). */
    private final Function<Room, Future<RoomView>> views;
    private final Clock clock;

    RoomJoins(ParleyConfig.Rooms config, RoomStore rooms, RoomHistoryStore history, ReadPositionStore reads,
              CounterStore counters, RoomEvents events, Function<Room, Future<RoomView>> views, Clock clock) {
        this.views = views;
        this.config = config;
        this.defaultRoom = DefaultRoom.of(config);
        this.rooms = rooms;
        this.history = history;
        this.reads = reads;
        this.counters = counters;
        this.access = new RoomAccess(rooms, defaultRoom);
        this.events = events;
        this.clock = clock;
    }

    /** Creates the default room's record when absent (it belongs to the server: no owner). */
    Future<Void> ensureDefaultRoom() {
        return rooms.get(defaultRoom.name()).compose(r -> r != null ? Future.succeededFuture()
                : rooms.create(Room.created(defaultRoom.name(), defaultRoom.display(), null, clock.millis()), Long.MAX_VALUE)
                .mapEmpty());
    }

    // join {room}
    Future<JsonObject> join(JoinRoomRequest r) {
        String name = RoomNames.canonical(r.room());
        if (defaultRoom.implicitlyJoined(name)) {
            return access.existing(name).compose(room -> reply(room, false));
        }
        return attempt(r, name, 1);
    }

    private Future<JsonObject> attempt(JoinRoomRequest r, String name, int attempt) {
        return rooms.get(name)
                .compose(room -> room != null ? Future.succeededFuture(new Found(room, false)) : create(r, name))
                .compose(found -> {
                    RoomPolicy.checkJoin(found.room, r.user());
                    return rooms.join(name, r.user(), config.perUser()).compose(outcome -> switch (outcome) {
                        case JOINED -> joined(found, r);
                        case ALREADY_MEMBER -> reply(found.room, false);
                        case TOO_MANY_ROOMS -> Future.failedFuture(tooManyForUser());
                        case NO_SUCH_ROOM -> attempt < JOIN_ATTEMPTS ? attempt(r, name, attempt + 1)
                                : Future.failedFuture(Bus.error(ChatError.UNAVAILABLE, "that room is being deleted; try again"));
                    });
                });
    }

    private record Found(Room room, boolean created) {
    }

    /** The first join: counted against rooms.createPerMinute, refused by rooms.maxPerCluster. */
    private Future<Found> create(JoinRoomRequest r, String name) {
        // A user in rooms.perUser rooms already would leave the new room empty behind them.
        return rooms.roomsOf(r.user()).compose(mine -> {
            if (mine.size() >= config.perUser()) return Future.failedFuture(tooManyForUser());
            List<CounterStore.Limit> limit = List.of(new CounterStore.Limit("room:create:" + r.user(), config.createPerMinute(), MINUTE));
            return counters.acquire(limit).compose(a -> {
                if (!a.admitted()) {
                    return Future.failedFuture(Bus.error(ChatError.RATE_LIMITED, "you may create "
                            + config.createPerMinute() + " rooms a minute; try again later"));
                }
                Room fresh = Room.created(name, r.room(), r.user(), clock.millis());
                return rooms.create(fresh, config.maxPerCluster()).compose(created -> {
                    if (created) return Future.succeededFuture(new Found(fresh, true));
                    counters.release(List.of(limit.get(0).key()));
                    // Someone else created it meanwhile, or the cluster is full.
                    return rooms.get(name).compose(other -> other != null ? Future.succeededFuture(new Found(other, false))
                            : Future.failedFuture(Bus.error(ChatError.TOO_MANY_ROOMS,
                            "the server has its maximum of " + config.maxPerCluster() + " rooms")));
                });
            });
        });
    }

    private Future<JsonObject> joined(Found found, JoinRoomRequest r) {
        Room room = found.room;
        Future<Boolean> invitation = room.invited().contains(r.user()) ? rooms.useInvitation(room.name(), r.user())
                : Future.succeededFuture(false);
        return invitation.compose(used -> events.joined(room, r.user(), r.name()))
                .compose(v -> reply(room, found.created))
                // What comes after the head is "missed" if the session ends without saving its positions (its
                // node dies), not a first visit that replays nothing.
                .compose(reply -> reads.advance(r.user(), java.util.Map.of(room.name(), JoinRoomReply.fromJson(reply).head()))
                        .map(reply));
    }

    private Future<JsonObject> reply(Room room, boolean created) {
        return Future.all(history.head(room.name()), views.apply(room))
                .map(all -> new JoinRoomReply(all.resultAt(1), created, all.<Long>resultAt(0)).toJson());
    }

    // part {room, reason?}
    Future<JsonObject> part(PartRequest r) {
        String name = RoomNames.canonical(r.room());
        if (defaultRoom.implicitlyJoined(name)) {
            return Future.failedFuture(Bus.error(ChatError.BAD_REQUEST, "everyone is in the default room"));
        }
        return access.existing(name).compose(room -> remove(room, r.user()).compose(wasMember -> {
            if (!wasMember) return Future.failedFuture(Bus.error(ChatError.NOT_IN_ROOM, null));
            return events.parted(room, r.user(), r.reason()).map(v -> Empty.INSTANCE.toJson());
        }));
    }

    /** Removes a member (parted or kicked): forgets their read position, and the room's history when it went with them. */
    Future<Boolean> remove(Room room, String user) {
        boolean deleteIfEmpty = deletesWhenEmpty(room.name());
        return rooms.part(room.name(), user, deleteIfEmpty).compose(wasMember -> {
            if (!wasMember) return Future.succeededFuture(false);
            Future<Void> dropped = deleteIfEmpty ? dropIfGone(room.name()) : Future.succeededFuture();
            return Future.join(reads.forget(user, room.name()), dropped).map(true);
        });
    }

    /** A user removed from a room by a ban: their read position goes (a later join starts afresh). */
    Future<Void> forgetPosition(String user, String room) {
        return reads.forget(user, room);
    }

    /** A deleted account leaves every room (co-members are told it parted) and its read positions are forgotten. */
    Future<Void> leaveAll(String user) {
        return rooms.removeUser(user, !config.keepEmpty()).compose(left -> {
            List<Future<?>> after = new ArrayList<>();
            for (String name : left) {
                after.add(rooms.get(name).compose(room -> {
                    if (room != null) return events.parted(room, user, null);
                    // The default room is never deleted: it comes back empty.
                    return defaultRoom.is(name) ? ensureDefaultRoom() : history.drop(name);
                }));
            }
            after.add(reads.forgetAll(user));
            return Future.join(after).mapEmpty();
        });
    }

    private boolean deletesWhenEmpty(String name) {
        return !config.keepEmpty() && !defaultRoom.is(name);
    }

    private Future<Void> dropIfGone(String name) {
        return rooms.get(name).compose(r -> r == null ? history.drop(name) : Future.succeededFuture());
    }

    private Bus.ServiceException tooManyForUser() {
        return Bus.error(ChatError.TOO_MANY_ROOMS, "you are in " + config.perUser() + " rooms already; part one first");
    }
}
