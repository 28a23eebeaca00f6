package dev.parley.store;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/** Who is online, cluster-wide in a cluster. One session per user. */
public interface PresenceStore {
    /**
     * How long a takeover is remembered: longer than a split or freeze lasts in practice (the chaos runs saw
     * seconds), short enough that a login storm's records stay small (one short record per takeover).
     */
    Duration REPLACED_TTL = Duration.ofMinutes(10);

    /** What {@link #rejoin} did. */
    enum Rejoin {
        /** The user was listed nowhere: the session is listed again. */
        ADDED,
        /** The session was still listed: written again, nothing changed for the others. */
        REFRESHED,
        /** A newer login replaced the session (listed now or, within {@link #REPLACED_TTL}, since gone): not listed. */
        REPLACED
    }

    /**
     * Records the session atomically; returns the entry it replaced (same user, older session), or null. A replaced
     * session is remembered for {@link #REPLACED_TTL}, so that {@link #rejoin} never puts it back.
     */
    Future<PresenceEntry> join(PresenceEntry entry);

    /**
     * Puts a live session back after shared presence lost it, atomically: unless a newer login replaced it. A
     * takeover's kick is a fire-and-forget message that a split can drop, and the newer session may have logged
     * out since, so "listed nowhere" alone does not mean the session was lost in a clean-up.
     */
    Future<Rejoin> rejoin(PresenceEntry entry);

    /** Removes the user only if {@code session} is still theirs; returns the removed entry, or null. */
    Future<PresenceEntry> leave(String user, String session);

    /** What {@link #leaveCounting} did: the removed entry (null: that session was not current) and who stay online. */
    record Left(PresenceEntry entry, long onlineAfter) {
    }

    /** {@link #leave}, then {@link #count}; a backend may answer both in one round trip (a departure's announcement needs the count). */
    default Future<Left> leaveCounting(String user, String session) {
        return leave(user, session).compose(gone -> count().map(n -> new Left(gone, n)));
    }

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

    /** How many users are online, and up to {@code max} of them: what a login and WHO show. */
    record Online(long count, List<PresenceEntry> entries) {
    }

    /** {@link #count} and {@link #list} together; a backend may answer both in one round trip. */
    default Future<Online> online(int max) {
        Future<Long> count = count();
        Future<List<PresenceEntry>> listed = list(max);
        return Future.all(count, listed).map(v -> new Online(count.result(), listed.result()));
    }

    /** The entries that name {@code node} (its users, as the shared table sees them). */
    Future<List<PresenceEntry>> entriesOf(String node);

    /** Removes every user held by {@code node} (it is gone); returns the removed entries. */
    Future<List<PresenceEntry>> removeNode(String node);
}
