package dev.parley.service.account;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failures per key in a sliding window; a key with {@code max} recent failures is blocked
 * until the oldest ages out. Not thread-safe: owned by one verticle. Time is injected for tests.
 */
public final class FailureThrottle {
    private final int max;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();

    public FailureThrottle(int max, Duration window, LongSupplier clockMillis) {
        this.max = max;
        this.windowMillis = window.toMillis();
        this.clock = clockMillis;
    }

    public boolean blocked(String key) {
        ArrayDeque<Long> q = failures.get(key);
        if (q == null) return false;
        expire(q, clock.getAsLong());
        if (q.isEmpty()) failures.remove(key);
        return q.size() >= max;
    }

    public void recordFailure(String key) {
        ArrayDeque<Long> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        long now = clock.getAsLong();
        expire(q, now);
        q.addLast(now);
        // A blocked key needs no more than max entries; keeps memory bounded under a flood.
        while (q.size() > max) q.removeFirst();
    }

    public void clear(String key) {
        failures.remove(key);
    }

    /** Drops keys with no recent failures; call periodically so memory stays bounded. */
    public void sweep() {
        long now = clock.getAsLong();
        for (Iterator<ArrayDeque<Long>> it = failures.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Long> q = it.next();
            expire(q, now);
            if (q.isEmpty()) it.remove();
        }
    }

    private void expire(ArrayDeque<Long> q, long now) {
        while (!q.isEmpty() && now - q.peekFirst() >= windowMillis) q.removeFirst();
    }
}
