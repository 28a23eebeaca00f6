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

    /** A round trip to the backend, for readiness. */
    Future<Void> ping();

    Future<Void> close();
}
