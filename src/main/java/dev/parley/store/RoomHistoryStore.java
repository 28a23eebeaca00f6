package dev.parley.store;

import io.vertx.core.Future;

/**
 * Each room's recent messages, with a per-room monotonically increasing sequence. The default room's log
 * is today's global group history under its existing keys, so upgrading moves nothing (see docs/rooms-design.md).
 */
public interface RoomHistoryStore {
    /** Stores the message, assigning the room's next sequence number; returns it with its seq. */
    Future<StoredMessage> append(String room, StoredMessage message);

    /** The sequence number of the room's newest message (0 when empty or unknown). */
    Future<Long> head(String room);

    /**
     * Messages with seq greater than {@code afterSeq}, at most the newest {@code max} of them and none
     * older than {@code notBeforeTs}.
     */
    Future<HistorySlice> since(String room, long afterSeq, int max, long notBeforeTs);

    /**
     * Up to {@code limit} messages with seq below {@code beforeSeq} (Long.MAX_VALUE: the newest), oldest first;
     * the slice's {@code skipped} is how many older messages are still kept (0: the page reaches the oldest).
     */
    Future<HistorySlice> before(String room, long beforeSeq, int limit);

    /**
     * Forgets the room's log and sequence (the room was deleted); a room of that name created later starts its
     * sequence above any the old one used. The default room's log is never dropped (the future fails).
     */
    Future<Void> drop(String room);
}
