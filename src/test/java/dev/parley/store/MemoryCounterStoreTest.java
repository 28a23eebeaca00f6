package dev.parley.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Window arithmetic of the in-memory counters, on a fake clock. */
class MemoryCounterStoreTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final MemoryCounterStore store = new MemoryCounterStore(now::get);

    private CounterStore.Admission acquire(String key, long max) {
        return store.acquire(List.of(new CounterStore.Limit(key, max, 60_000))).result();
    }

    @Test
    @DisplayName("a fixed window runs from the first count: refused until it ends, then counting starts again")
    void fixedWindow() {
        assertTrue(acquire("k", 2).admitted());
        now.addAndGet(59_000);
        assertTrue(acquire("k", 2).admitted());
        assertFalse(acquire("k", 2).admitted());
        now.addAndGet(999);
        assertFalse(acquire("k", 2).admitted(), "1 ms before the window ends");
        now.addAndGet(1);
        CounterStore.Admission fresh = acquire("k", 2);
        assertTrue(fresh.admitted());
        assertEquals(1, fresh.counts()[0]);
    }

    @Test
    @DisplayName("a release after the window ended does not carry over into the next window")
    void releaseAfterWindow() {
        assertTrue(acquire("k", 1).admitted());
        now.addAndGet(60_000);
        store.release(List.of("k"));
        assertEquals(1, acquire("k", 1).counts()[0]);
    }

    @Test
    @DisplayName("expired windows are swept once many keys have been used")
    void sweep() {
        for (int i = 0; i < 20_000; i++) acquire("key" + i, 1);
        now.addAndGet(60_000);
        for (int i = 0; i < 20_000; i++) assertTrue(acquire("other" + i, 1).admitted());
        assertEquals(20_000, store.size(), "the first 20,000 windows were swept, only the new ones are held");
    }

    @Test
    @DisplayName("a window given back to zero is dropped, and the next attempt opens a new full window")
    void releasedToZero() {
        assertTrue(acquire("k", 2).admitted());
        assertTrue(acquire("k", 2).admitted());
        store.release(List.of("k"));
        assertEquals(1, store.size(), "one count still held");
        store.release(List.of("k"));
        assertEquals(0, store.size());
        now.addAndGet(59_000);
        assertEquals(1, acquire("k", 2).counts()[0]);
        now.addAndGet(59_000);
        assertTrue(acquire("k", 2).admitted());
        assertFalse(acquire("k", 2).admitted(), "the new window started at the attempt after the release");
    }

    @Test
    @DisplayName("a quiet server sweeps expired windows within a minute, however few keys it holds")
    void sweepOnTime() {
        for (int i = 0; i < 100; i++) acquire("key" + i, 1);
        now.addAndGet(MemoryCounterStore.SWEEP_EVERY_MILLIS);
        acquire("late", 1);
        assertEquals(1, store.size());
    }
}
