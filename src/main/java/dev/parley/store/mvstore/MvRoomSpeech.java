package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.GroupCommit;
import dev.parley.store.RoomSpeech;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

/**
 * The member check and the append in one step, under the room store's lock (then the log's: always in
 * that order, so the two locks cannot deadlock); says asked for while a batch is at the worker go together as
 * the next batch ({@link GroupCommit}). The default room's messages go to the group log.
 */
final class MvRoomSpeech implements RoomSpeech {
    private record Say(String room, String user, StoredMessage message) {
    }

    private final GroupCommit<Say, Said> steps;
    private final MvRoomStore rooms;
    private final MvGroupHistoryStore group;
    private final MvRoomHistoryStore others;
    private final String defaultRoom;

    MvRoomSpeech(Blocking blocking, MvRoomStore rooms, MvGroupHistoryStore group, MvRoomHistoryStore others, String defaultRoom) {
        this.steps = new GroupCommit<>(blocking, this::sayNow);
        this.rooms = rooms;
        this.group = group;
        this.others = others;
        this.defaultRoom = defaultRoom;
    }

    @Override
    public Future<Said> say(String room, String user, StoredMessage message) {
        // Ordered like the logs' own appends: says are stored in the order they were asked for, in batches.
        return steps.submit(new Say(room, user, message));
    }

    private Said sayNow(Say s) {
        return rooms.appendAsMember(s.room(), s.user(),
                () -> defaultRoom.equals(s.room()) ? group.appendNow(s.message()) : others.appendNow(s.room(), s.message()));
    }
}
