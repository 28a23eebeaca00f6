package dev.parley.store;

import io.vertx.core.Future;

import java.util.List;

/** Unread private messages per user, oldest first. */
public interface MailboxStore {
    /** Appends unless the user already holds {@code maxMessages}; false when full. Durable when it completes. */
    Future<Boolean> append(String user, StoredMessage message, int maxMessages);

    /** Up to {@code max} of the oldest unread messages; nothing is removed. */
    Future<List<StoredMessage>> peek(String user, int max);

    /** Removes delivered (or expired) messages by their {@link StoredMessage#seq}. */
    Future<Void> remove(String user, List<Long> seqs);
}
