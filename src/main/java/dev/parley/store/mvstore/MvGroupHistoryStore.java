package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.GroupHistoryStore;
import dev.parley.store.HistorySlice;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/** A capped log: seq -> message; the oldest entries are dropped beyond {@code maxMessages}. */
final class MvGroupHistoryStore implements GroupHistoryStore {
    private final MVMap<Long, String> log;
    private final MVMap<String, Long> meta;
    private final Blocking blocking;
    private final int maxMessages;

    MvGroupHistoryStore(MVStore store, Blocking blocking, int maxMessages) {
        this.log = store.openMap("group-history");
        this.meta = store.openMap("group-meta");
        this.blocking = blocking;
        this.maxMessages = maxMessages;
    }

    @Override
    public Future<StoredMessage> append(StoredMessage message) {
        return blocking.run(() -> appendNow(message));
    }

    /** The append itself, on the calling (worker) thread: {@link MvRoomSpeech} runs it inside the room store's step. */
    synchronized StoredMessage appendNow(StoredMessage message) {
        long seq = meta.getOrDefault("head", 0L) + 1;
        StoredMessage stored = message.withSeq(seq);
        log.put(seq, stored.toJson().encode());
        meta.put("head", seq);
        while (log.size() > maxMessages) {
            log.remove(log.firstKey());
        }
        return stored;
    }

    @Override
    public Future<Long> head() {
        return blocking.read(() -> meta.getOrDefault("head", 0L));
    }

    @Override
    public Future<HistorySlice> since(long afterSeq, int max, long notBeforeTs) {
        return blocking.read(() -> {
            long head = meta.getOrDefault("head", 0L);
            return MvSlices.since(log.cursor(afterSeq + 1), head, afterSeq, max, notBeforeTs);
        });
    }

    @Override
    public Future<HistorySlice> before(long beforeSeq, int limit) {
        return blocking.read(() -> {
            long head = meta.getOrDefault("head", 0L);
            Long oldest = log.isEmpty() ? null : log.firstKey();
            if (limit <= 0 || oldest == null || beforeSeq <= oldest) return new HistorySlice(List.of(), 0, head);
            return MvSlices.before(log.cursor(beforeSeq - 1, oldest, true), head, oldest, limit);
        });
    }
}
