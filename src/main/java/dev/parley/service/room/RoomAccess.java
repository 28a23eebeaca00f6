package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.store.Room;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;

/** Finding a room and the user's place in it, the default room's implicit members included. */
final class RoomAccess {
    private final RoomStore rooms;
    private final DefaultRoom defaultRoom;

    RoomAccess(RoomStore rooms, DefaultRoom defaultRoom) {
        this.rooms = rooms;
        this.defaultRoom = defaultRoom;
    }

    /** The room, or NO_SUCH_ROOM. */
    Future<Room> existing(String canonical) {
        return rooms.get(canonical).compose(r -> r != null ? Future.succeededFuture(r)
                : Future.failedFuture(Bus.error(ChatError.NO_SUCH_ROOM, null)));
    }

    Future<Boolean> isMember(String canonical, String user) {
        return defaultRoom.implicitlyJoined(canonical) ? Future.succeededFuture(true) : rooms.isMember(canonical, user);
    }

    /** The room when {@code user} is a member; NO_SUCH_ROOM or NOT_IN_ROOM otherwise. */
    Future<Room> asMember(String canonical, String user) {
        return existing(canonical).compose(r -> isMember(canonical, user).compose(member -> member
                ? Future.succeededFuture(r) : Future.failedFuture(Bus.error(ChatError.NOT_IN_ROOM, null))));
    }
}
