package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.HistorySlice;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Every room's capped log in one map keyed "room\0seq" (seq zero-padded, so a room is one ordered range), beside
 * room -> head: one map per room would mean thousands of maps for thousands of rooms. A room's first seq is
 * its first message's ts * 1000 + 1, as in the Redis group log: a room deleted and created again never reuses
 * a seq that a stale read position could name. The default room is not stored here (see StoreSet).
 */
final class MvRoomHistoryStore implements RoomHistoryStore {
    private final MVMap<String, String> log;
    private final MVMap<String, Long> heads;
    private final Blocking blocking;
    private final int maxMessages;

    MvRoomHistoryStore(MVStore store, Blocking blocking, int maxMessages) {
        this.log = store.openMap("room-history");
        this.heads = store.openMap("room-heads");
        this.blocking = blocking;
        this.maxMessages = maxMessages;
    }

    @Override
    public Future<StoredMessage> append(String room, StoredMessage message) {
        return blocking.run(() -> appendNow(room, message));
    }

    /** The append itself, on the calling (worker) thread: {@link MvRoomSpeech} runs it inside the room store's step. */
    synchronized StoredMessage appendNow(String room, StoredMessage message) {
        long seq = heads.getOrDefault(room, message.ts() * 1000) + 1;
        StoredMessage stored = message.withSeq(seq);
        log.put(key(room, seq), stored.toJson().encode());
        heads.put(room, seq);
        // Seqs are contiguous, so everything at or below seq - max is beyond the cap (also after the cap shrank).
        if (seq - maxMessages >= 0) removeRange(room, 0, seq - maxMessages);
        return stored;
    }

    @Override
    public Future<Long> head(String room) {
        return blocking.read(() -> heads.getOrDefault(room, 0L));
    }

    @Override
    public Future<HistorySlice> since(String room, long afterSeq, int max, long notBeforeTs) {
        return blocking.read(() -> {
            long head = heads.getOrDefault(room, 0L);
            long from = Math.max(afterSeq + 1, 0);
            if (from > head) return new HistorySlice(List.of(), 0, head);
            return MvSlices.since(log.cursor(key(room, from), key(room, head), false), head, afterSeq, max, notBeforeTs);
        });
    }

    @Override
    public Future<HistorySlice> before(String room, long beforeSeq, int limit) {
        return blocking.read(() -> {
            long head = heads.getOrDefault(room, 0L);
            long oldest = oldest(room);
            long upTo = Math.min(beforeSeq - 1, head);
            if (limit <= 0 || oldest < 0 || upTo < oldest) return new HistorySlice(List.of(), 0, head);
            return MvSlices.before(log.cursor(key(room, upTo), key(room, oldest), true), head, oldest, limit);
        });
    }

    @Override
    public Future<Void> drop(String room) {
        return blocking.run(() -> {
            synchronized (this) {
                removeRange(room, 0, Long.MAX_VALUE);
                heads.remove(room);
                return null;
            }
        });
    }

    /** The room's oldest kept seq, or -1 when its log is empty. */
    private long oldest(String room) {
        String first = log.ceilingKey(key(room, 0));
        if (first == null || !first.startsWith(room + '\0')) return -1;
        return Long.parseLong(first.substring(room.length() + 1));
    }

    private void removeRange(String room, long fromSeq, long toSeq) {
        List<String> doomed = new ArrayList<>();
        Cursor<String, String> c = log.cursor(key(room, fromSeq), key(room, toSeq), false);
        while (c.hasNext()) doomed.add(c.next());
        for (String k : doomed) log.remove(k);
    }

    /** "room\0" + seq zero-padded to 19 digits (seqs are never negative); String.format was a fifth of a say's store step. */
    static String key(String room, long seq) {
        String digits = Long.toString(seq);
        StringBuilder k = new StringBuilder(room.length() + 20).append(room).append('\0');
        for (int i = digits.length(); i < 19; i++) k.append('0');
        return k.append(digits).toString();
    }
}
