package dev.parley.store;

import io.vertx.core.Future;

import java.util.List;

/** Unread private messages per user, oldest first. */
public interface MailboxStore {

    /** What {@link #append(String, StoredMessage, MailboxQuota)} did. */
    enum Append {
        STORED,
        /** The mailbox holds {@link MailboxQuota#maxMessages()} messages. */
        FULL,
        /** The message would take the mailbox above {@link MailboxQuota#maxBytes()}. */
        FULL_BYTES,
        /** The mailbox holds {@link MailboxQuota#maxPerSender()} messages from this message's sender. */
        SENDER_CAP
    }

    /**
     * Appends unless that would break a limit of the quota, checked atomically with the append (concurrent
     * appends never overshoot). Sizes are {@link StoredMessage#sizeBytes()}. Durable when it completes.
     */
    Future<Append> append(String user, StoredMessage message, MailboxQuota quota);

    /** Appends unless the user already holds {@code maxMessages}; false when full. */
    default Future<Boolean> append(String user, StoredMessage message, int maxMessages) {
        return append(user, message, MailboxQuota.ofMessages(maxMessages)).map(a -> a == Append.STORED);
    }

    /** Up to {@code max} of the oldest unread messages; nothing is removed. */
    Future<List<StoredMessage>> peek(String user, int max);

    /** Removes delivered (or expired) messages by their {@link StoredMessage#seq}; their bytes and sender counts are freed. */
    Future<Void> remove(String user, List<Long> seqs);

    /**
     * Removes all of the user's mail (their account was deleted), in batches of the existing operations.
     * Call it after the account is gone, so that no new mail can arrive meanwhile.
     */
    default Future<Void> clear(String user) {
        return peek(user, CLEAR_BATCH).compose(batch -> batch.isEmpty() ? Future.succeededFuture()
                : remove(user, batch.stream().map(StoredMessage::seq).toList()).compose(v -> clear(user)));
    }

    /** Messages removed per round trip by {@link #clear}. */
    int CLEAR_BATCH = 500;
}
