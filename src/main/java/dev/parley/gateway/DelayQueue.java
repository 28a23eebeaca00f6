package dev.parley.gateway;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Timeouts that all have the same delay, on one event loop: due in the order they were added, so a FIFO swept
 * by one periodic timer replaces a Vert.x timer per item (a timer set and cancelled for every same-node private
 * message was a tenth of its event-loop time, docs/performance.md "Per-message cost"). A timeout fires between
 * its delay and its delay plus the sweep period. Not thread-safe: used on its event loop only.
 */
final class DelayQueue {
    /** One pending timeout; {@link #cancel} drops what its task holds at once, not at its due time. */
    static final class Timeout {
        private final long dueNanos;
        private Runnable task;

        private Timeout(long dueNanos, Runnable task) {
            this.dueNanos = dueNanos;
            this.task = task;
        }

        void cancel() {
            task = null;
        }
    }

    private final long delayNanos;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Timeout> pending = new ArrayDeque<>();

    DelayQueue(long delayMillis, LongSupplier nanoTime) {
        this.delayNanos = delayMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    Timeout add(Runnable task) {
        Timeout t = new Timeout(nanoTime.getAsLong() + delayNanos, task);
        pending.addLast(t);
        return t;
    }

    /** Runs the tasks that are due and not cancelled, oldest first. */
    void sweep() {
        long now = nanoTime.getAsLong();
        Timeout head;
        while ((head = pending.peekFirst()) != null && now - head.dueNanos >= 0) {
            pending.pollFirst();
            Runnable task = head.task;
            head.task = null;
            if (task != null) task.run();
        }
    }

    /** Timeouts added and not yet swept (cancelled ones included until their due time). */
    int size() {
        return pending.size();
    }
}
