package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.RoomSpeech;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

/**
 * The member check and the append in one worker task, under the room store's lock (then the log's: always in
 * that order, so the two locks cannot deadlock). The default room's messages go to the group log.
 */
final class MvRoomSpeech implements RoomSpeech {
    private final Blocking blocking;
    private final MvRoomStore rooms;
    private final MvGroupHistoryStore group;
    private final MvRoomHistoryStore others;
    private final String defaultRoom;

    MvRoomSpeech(Blocking blocking, MvRoomStore rooms, MvGroupHistoryStore group, MvRoomHistoryStore others, String defaultRoom) {
        this.blocking = blocking;
        this.rooms = rooms;
        this.group = group;
        this.others = others;
        this.defaultRoom = defaultRoom;
    }

    @Override
    public Future<Said> say(String room, String user, StoredMessage message) {
        // Ordered like the logs' own appends: one context's says are stored in the order they were asked for.
        return blocking.run(() -> rooms.appendAsMember(room, user,
                () -> defaultRoom.equals(room) ? group.appendNow(message) : others.appendNow(room, message)));
    }
}
