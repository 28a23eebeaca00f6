package dev.parley.store;

import io.vertx.core.Future;

/** All storage of one node, whatever the backend. */
public interface Stores {
    UserStore users();

    MailboxStore mailbox();

    GroupHistoryStore groupHistory();

    LastSeenStore lastSeen();

    IdempotencyStore idempotency();

    PresenceStore presence();

    Future<Void> close();
}
