package dev.parley.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;

import java.util.ArrayList;

/**
 * One per event-loop thread: collects the outboxes written during the current turn and flushes each
 * once, after the loop's current I/O batch. One write(2) per connection per turn instead of one per
 * message is what lets a broadcast reach millions of deliveries per second (see PERF-NOTES).
 *
 * <p>While the loop still has queued work (more messages to fan out, typically) the flush waits for it, up
 * to the window the first writer of the turn asked for: the connections touched by several messages in a row
 * then get one write(2) for all of them, where a flush after each message cost one per message (a room of
 * 19,000 members hearing 40 messages a second: 760,000 system calls a second). An idle loop flushes at once,
 * so a quiet server adds no latency; a busy one adds at most the window.
 */
final class FlushBatcher {
    private static final ThreadLocal<FlushBatcher> CURRENT = ThreadLocal.withInitial(FlushBatcher::new);

    /** What the batcher flushes: a connection's output. */
    interface Dirty {
        void flush();

        EventExecutor executor();
    }

    private final ArrayList<Dirty> dirty = new ArrayList<>();
    private boolean scheduled;
    /** When this turn's first write came, and how long its flush may wait for queued work. */
    private long turnStartNanos;
    private long windowNanos;
    private EventExecutor loop;

    static FlushBatcher current() {
        return CURRENT.get();
    }

    /** Flushes {@code d} at the end of this turn, or up to {@code windowNanos} later while the loop is busy. */
    void add(Dirty d, long windowNanos) {
        dirty.add(d);
        if (!scheduled) {
            scheduled = true;
            this.windowNanos = windowNanos;
            this.turnStartNanos = windowNanos > 0 ? System.nanoTime() : 0;
            loop = d.executor();
            loop.execute(this::flushAll);
        }
    }

    /**
     * Flushes now rather than at the end of the turn (the node is over its output budget: readers that
     * keep up take their bytes into the kernel at once, and only real backlogs remain).
     */
    void flushNow() {
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    private void flushAll() {
        if (windowNanos > 0 && hasQueuedWork(loop) && System.nanoTime() - turnStartNanos < windowNanos) {
            loop.execute(this::flushAll);   // after the queued work: its output joins this flush
            return;
        }
        scheduled = false;
        // flush() may not add new entries (it only flushes), so iterating by index is safe.
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
        if (dirty.size() > 4096) dirty.trimToSize();
    }

    private static boolean hasQueuedWork(EventExecutor loop) {
        return loop instanceof SingleThreadEventExecutor s && s.pendingTasks() > 0;
    }
}
