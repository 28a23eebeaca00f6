package dev.parley.store;

import io.vertx.core.Future;

/** All storage of one node, whatever the backend. */
public interface Stores {
    UserStore users();

    MailboxStore mailbox();

    GroupHistoryStore groupHistory();

    LastSeenStore lastSeen();

    /** Rooms and their membership (issue 14). */
    RoomStore roomStore();

    /** Saying in a room: the membership check and the history append as one step (one round trip per say). */
    RoomSpeech roomSpeech();

    /** Each room's messages; the default room's are {@link #groupHistory()}'s. */
    RoomHistoryStore roomHistory();

    /** Per (user, room) read positions; the default room's are {@link #lastSeen()}'s. */
    ReadPositionStore readPositions();

    IdempotencyStore idempotency();

    PresenceStore presence();

    /** What the backend holds and may hold; never blocks the caller (the embedded store asks a worker thread). */
    Future<StoreSize> size();
    /** Rate-limit counters (login attempts, registrations); shared by all nodes on a shared backend. */
    CounterStore counters();

    /** A round trip to the backend, for readiness. */
    Future<Void> ping();

    Future<Void> close();
}
