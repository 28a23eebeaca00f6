package dev.parley.store;

import io.vertx.core.Future;

/** The group room's recent messages, with a monotonically increasing sequence. */
public interface GroupHistoryStore {
    /** Stores the message, assigning the next sequence number; returns it with its seq. */
    Future<StoredMessage> append(StoredMessage message);

    /** The sequence number of the newest message (0 when empty). */
    Future<Long> head();

    /**
     * Messages with seq greater than {@code afterSeq}, at most the newest {@code max} of them and none
     * older than {@code notBeforeTs}.
     */
    Future<HistorySlice> since(long afterSeq, int max, long notBeforeTs);

    /**
     * Up to {@code limit} messages with seq below {@code beforeSeq} (Long.MAX_VALUE: the newest), oldest first;
     * the slice's {@code skipped} is how many older messages are still kept (0: the page reaches the oldest).
     */
    Future<HistorySlice> before(long beforeSeq, int limit);
}
