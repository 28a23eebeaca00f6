package dev.parley.service.room;

import dev.parley.store.Room;
import dev.parley.store.RoomSpeech;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

/**
 * RoomSpeech over the fakes: the member check and the append under the room store's lock, one step as the real
 * ones make it. Counts its calls, so tests can tell how many store steps a say took.
 */
final class FakeRoomSpeech implements RoomSpeech {
    private final FakeRoomStore rooms;
    private final FakeRoomHistory history;
    private int calls;

    FakeRoomSpeech(FakeRoomStore rooms, FakeRoomHistory history) {
        this.rooms = rooms;
        this.history = history;
    }

    @Override
    public Future<Said> say(String room, String user, StoredMessage message) {
        synchronized (rooms) {
            calls++;
            Room r = rooms.room(room);
            if (r == null) return Future.succeededFuture(Said.refused(Outcome.NO_SUCH_ROOM));
            if (!rooms.hasMember(room, user)) return Future.succeededFuture(Said.refused(Outcome.NOT_IN_ROOM));
            return history.append(room, message).map(stored -> Said.said(stored, r.display()));
        }
    }

    int calls() {
        synchronized (rooms) {
            return calls;
        }
    }
}
