package dev.parley.service.presence;

import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The online list a login and who show, read from the store at most once per window while many are online.
 * In a login storm every login read the same ~200 entries from Redis (one HSCAN of 201 entries, decoded and
 * re-encoded per login: over a quarter of a node's event-loop time in the 3-node storm, docs/performance.md,
 * "Login storms, round 2").
 *
 * <p>Shared only while the list cannot be told apart from a fresh one: more users online than
 * {@code floor} (the larger of limits.whoListMax and limits.presenceFanoutMax), where the list is a sample anyway
 * and nobody is told of arrivals and departures. At or below that, every request reads the store, as before.
 * This node's own arrivals and departures are applied to the shared list at once (count, and a departed user
 * leaves the sample); other nodes' show within the window.
 *
 * <p>Thread-safe: the store's futures may complete on another event loop than the presence verticle's.
 */
final class OnlineSnapshot {
    private final long windowNanos;
    private final long floor;
    private final LongSupplier nanoTime;
    private final OnlineListCounts counts;
    private PresenceStore.Online shared;
    private long readAtNanos;
    /** More online than the floor by the store's own count (last read, or a departure's), not by this node's arrivals. */
    private boolean many;
    /** The store read under way, which requests arriving meanwhile share while many are online. */
    private Future<PresenceStore.Online> reading;

    /** @param windowMillis how old a shared list may get (0: never shared) */
    OnlineSnapshot(long windowMillis, long floor, LongSupplier nanoTime, OnlineListCounts counts) {
        this.windowNanos = windowMillis * 1_000_000;
        this.floor = floor;
        this.nanoTime = nanoTime;
        this.counts = counts;
    }

    /** The shared list when it is young enough and many are online, else {@code read}'s (shared by concurrent callers). */
    Future<PresenceStore.Online> online(Supplier<Future<PresenceStore.Online>> read) {
        if (windowNanos <= 0) {
            counts.counted(false);
            return read.get();
        }
        long now = nanoTime.getAsLong();
        synchronized (this) {
            if (many && now - readAtNanos < windowNanos) {
                counts.counted(true);
                return Future.succeededFuture(shared);
            }
            if (many && reading != null) {
                counts.counted(true);
                return reading;
            }
        }
        counts.counted(false);
        Future<PresenceStore.Online> f = read.get();
        synchronized (this) {
            reading = f;
        }
        return f.andThen(ar -> {
            synchronized (this) {
                if (reading == f) reading = null;
                // Timed from before the read: the list is at least as fresh as that.
                if (ar.succeeded()) {
                    shared = ar.result();
                    readAtNanos = now;
                    many = shared.count() > floor;
                }
            }
        });
    }

    /** A new user of this node is online (not a takeover: the count grows). */
    synchronized void arrived() {
        if (shared != null) shared = new PresenceStore.Online(shared.count() + 1, shared.entries());
    }

    /** {@code gone} of this node went offline; {@code onlineAfter} is the store's count after that. */
    synchronized void left(PresenceEntry gone, long onlineAfter) {
        if (shared == null) return;
        List<PresenceEntry> entries = shared.entries();
        if (entries.stream().anyMatch(e -> e.user().equals(gone.user()))) {
            entries = new ArrayList<>(entries);
            entries.removeIf(e -> e.user().equals(gone.user()));
        }
        shared = new PresenceStore.Online(onlineAfter, entries);
        many = onlineAfter > floor;
    }
}
