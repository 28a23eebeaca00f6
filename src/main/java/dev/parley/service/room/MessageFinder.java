package dev.parley.service.room;

import dev.parley.store.RoomHistoryStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

import java.util.List;

/**
 * A message's sequence number from its id, for paging back through a room's history: the store is keyed
 * by sequence, so the search walks back from the newest page by page, no further than the history keeps.
 */
final class MessageFinder {
    /** Messages read per store call. */
    static final int PAGE = 500;

    private MessageFinder() {
    }

    /** The seq of message {@code id} in {@code room}, or null when the history does not hold it (any more). */
    static Future<Long> seqOf(RoomHistoryStore history, String room, String id, int maxMessages) {
        return search(history, room, id, Long.MAX_VALUE, Math.max(maxMessages, 1));
    }

    private static Future<Long> search(RoomHistoryStore history, String room, String id, long before, long left) {
        if (left <= 0) return Future.succeededFuture(null);
        return history.before(room, before, PAGE).compose(slice -> {
            List<StoredMessage> page = slice.messages();
            for (StoredMessage m : page) {
                if (m.id().equals(id)) return Future.succeededFuture(m.seq());
            }
            if (page.size() < PAGE) return Future.succeededFuture(null);
            return search(history, room, id, page.get(0).seq(), left - page.size());
        });
    }
}
