package dev.parley.store;

import io.vertx.core.Future;

import java.util.List;

/** Who is online, cluster-wide in a cluster. One session per user. */
public interface PresenceStore {
    /** Records the session atomically; returns the entry it replaced (same user, older session), or null. */
    Future<PresenceEntry> join(PresenceEntry entry);

    /** Removes the user only if {@code session} is still theirs; returns the removed entry, or null. */
    Future<PresenceEntry> leave(String user, String session);

    /**
     * Sets the away message of the user's session (null: back) only if {@code session} is still theirs, atomically;
     * returns the entry it replaced (so the caller knows whether the status changed), or null when that session is not
     * current (gone, or replaced) and nothing changed.
     */
    Future<PresenceEntry> setAway(String user, String session, String away);

    /** The user's entry, or null when offline. */
    Future<PresenceEntry> get(String user);

    /** How many users are online. */
    Future<Long> count();

    /** Up to {@code max} online users, in no particular order. */
    Future<List<PresenceEntry>> list(int max);

    /** The entries that name {@code node} (its users, as the shared table sees them). */
    Future<List<PresenceEntry>> entriesOf(String node);

    /** Removes every user held by {@code node} (it is gone); returns the removed entries. */
    Future<List<PresenceEntry>> removeNode(String node);
}
