package dev.parley.store;

import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counters of a single node, in memory: rate limits need not survive a restart. Cheap and non-blocking, so
 * safe on an event loop. Time is injected for tests.
 */
public final class MemoryCounterStore implements CounterStore {
    // Expired windows are dropped when the map reaches this size, so a flood of keys cannot grow it without bound.
    private static final int SWEEP_AT = 10_000;
    // ...and at least this often, so a quiet server does not keep a storm's windows (~140 B each) until the next storm.
    static final long SWEEP_EVERY_MILLIS = 60_000;

    private final LongSupplier clock;
    private final Map<String, Window> windows = new HashMap<>();
    private int sweepAt = SWEEP_AT;
    private long nextSweep;

    private static final class Window {
        final long expiresAt;
        long count;

        Window(long expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    public MemoryCounterStore(LongSupplier clockMillis) {
        this.clock = clockMillis;
        this.nextSweep = clockMillis.getAsLong() + SWEEP_EVERY_MILLIS;
    }

    @Override
    public synchronized Future<Admission> acquire(List<Limit> limits) {
        long now = clock.getAsLong();
        long[] counts = new long[limits.size()];
        int refusedBy = -1;
        for (int i = 0; i < limits.size(); i++) {
            Window w = live(limits.get(i).key(), now);
            counts[i] = w == null ? 0 : w.count;
            long max = limits.get(i).max();
            if (refusedBy < 0 && max > 0 && counts[i] >= max) refusedBy = i;
        }
        if (refusedBy >= 0) return Future.succeededFuture(new Admission(refusedBy, counts));
        for (int i = 0; i < limits.size(); i++) {
            Limit l = limits.get(i);
            Window w = windows.computeIfAbsent(l.key(), k -> new Window(now + l.windowMillis()));
            counts[i] = ++w.count;
        }
        if (windows.size() >= sweepAt || now >= nextSweep) sweep(now);
        return Future.succeededFuture(new Admission(-1, counts));
    }

    @Override
    public synchronized Future<Void> release(List<String> keys) {
        long now = clock.getAsLong();
        for (String key : keys) {
            Window w = live(key, now);
            // A window back at zero counts nothing: dropping it (the next attempt opens a new, full window) frees
            // the two windows every successful login leaves behind (2 per idle session, docs/performance.md).
            if (w != null && w.count > 0 && --w.count == 0) windows.remove(key);
        }
        return Future.succeededFuture();
    }

    private Window live(String key, long now) {
        Window w = windows.get(key);
        if (w != null && w.expiresAt <= now) {
            windows.remove(key);
            return null;
        }
        return w;
    }

    private void sweep(long now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAt <= now) it.remove();
        }
        // Still big after the sweep (many live keys): next sweep at twice the size, so the cost stays amortised.
        sweepAt = Math.max(SWEEP_AT, windows.size() * 2);
        nextSweep = now + SWEEP_EVERY_MILLIS;
    }

    /** Windows held, live or expired but not yet swept (a test's view). */
    synchronized int size() {
        return windows.size();
    }
}
