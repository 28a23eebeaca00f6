package dev.parley.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>A connection whose output keeps coming (flushed steadily, and less than a window ago) waits for the rest of
 * the window ({@link #addPaced}): a member of a busy room then gets one write(2) per window carrying every message
 * of it, however the messages trickle in (one by one, from other threads, with the loop idle in between), where a
 * write per message made the system calls most of a fan-out's cost. Connections that hear now and then are never
 * held back, not even for a reply that follows another closely (a private message's answer after its ok).
 */
final class FlushBatcher {
    private static final ThreadLocal<FlushBatcher> CURRENT = ThreadLocal.withInitial(FlushBatcher::new);

    /** What the batcher flushes: a connection's output. */
    interface Dirty {
        void flush();

        EventExecutor executor();

        /** When {@link #flush()} last ran ({@link System#nanoTime()}); long enough ago when it never did. */
        long lastFlushNanos();

        /** Whether its last two flushes came within two windows of each other: output keeps coming. */
        boolean flushedSteadily();
    }

    private final ArrayList<Dirty> dirty = new ArrayList<>();
    private boolean scheduled;
    /** Connections written less than a window ago, flushed together when the first one's window ends. */
    private final ArrayList<Dirty> paced = new ArrayList<>();
    private boolean pacedScheduled;
    /** When this turn's first write came, and how long its flush may wait for queued work. */
    private long turnStartNanos;
    private long windowNanos;
    /**
     * How long the last end-of-turn flush took. While work is queued, the next flush waits at least as long (up to
     * {@link #MAX_WINDOWS} windows): a loop busy fanning out to thousands of connections then spends at most about
     * half its time in write(2), and each write carries what queued up meanwhile, however many connections there are.
     */
    private long lastFlushCostNanos;
    /** The cap on that wait, in windows: 16 ms at the default window. */
    private static final int MAX_WINDOWS = 16;
    private EventExecutor loop;

    static FlushBatcher current() {
        return CURRENT.get();
    }

    /** Whether a connection flushed at {@code previousNanos} and again at {@code nowNanos} has output that keeps coming. */
    static boolean steady(long previousNanos, long nowNanos, long windowNanos) {
        return nowNanos - previousNanos < 2 * windowNanos;
    }

    /**
     * Flushes {@code d} at the end of this turn, or up to {@code windowNanos} later while the loop is busy, or, when
     * its output keeps coming, once the window since its last flush has passed.
     */
    void add(Dirty d, long windowNanos) {
        if (windowNanos > 0 && d.flushedSteadily()) {
            long due = d.lastFlushNanos() + windowNanos;
            if (due - System.nanoTime() > 0) {
                addPaced(d, due);
                return;
            }
        }
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
     * Flushes {@code d} at {@code dueNanos} ({@link System#nanoTime()}), when the window since its last write ends;
     * connections added while that flush is pending go out with it, at most one window after their own last write.
     */
    private void addPaced(Dirty d, long dueNanos) {
        paced.add(d);
        if (!pacedScheduled) {
            pacedScheduled = true;
            d.executor().schedule(this::flushPaced, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Flushes now rather than at the end of the turn (the node is over its output budget: readers that
     * keep up take their bytes into the kernel at once, and only real backlogs remain).
     */
    void flushNow() {
        flush(dirty);
        flush(paced);
    }

    private void flushPaced() {
        pacedScheduled = false;
        flush(paced);
    }

    private static void flush(ArrayList<Dirty> list) {
        // flush() may not add new entries (it only flushes), so iterating by index is safe.
        for (int i = 0; i < list.size(); i++) {
            list.get(i).flush();
        }
        list.clear();   // keeps its capacity: at most this loop's connections, reused every turn
    }

    private void flushAll() {
        long wait = Math.min(Math.max(windowNanos, lastFlushCostNanos), MAX_WINDOWS * windowNanos);
        if (windowNanos > 0 && hasQueuedWork(loop) && System.nanoTime() - turnStartNanos < wait) {
            loop.execute(this::flushAll);   // after the queued work: its output joins this flush
            return;
        }
        scheduled = false;
        long start = System.nanoTime();
        flush(dirty);
        lastFlushCostNanos = System.nanoTime() - start;
    }

    private static boolean hasQueuedWork(EventExecutor loop) {
        return loop instanceof SingleThreadEventExecutor s && s.pendingTasks() > 0;
    }
}
