package dev.parley.gateway;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batcher on a real Netty event loop: when a connection's output is flushed relative to the loop's queued work. */
class FlushBatcherTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() throws Exception {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** A connection of this loop that was never flushed before: runs {@code onFlush} at each flush. */
    private final class OnFlush implements FlushBatcher.Dirty {
        private final Runnable onFlush;

        OnFlush(Runnable onFlush) {
            this.onFlush = onFlush;
        }

        @Override
        public void flush() {
            onFlush.run();
        }

        @Override
        public EventExecutor executor() {
            return loop;
        }

        @Override
        public long lastFlushNanos() {
            return NEVER;
        }

        @Override
        public boolean flushedSteadily() {
            return false;
        }
    }

    /** A last flush long enough ago for any window here. */
    private static final long NEVER = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    private static void flushedInOrder(String name, List<String> log, CountDownLatch flushed) {
        log.add("flush " + name);
        flushed.countDown();
    }

    /** On the loop: writes {@code a}, then queues a task writing {@code b} and logging "queued work". */
    private List<String> writeThenQueueMore(long windowNanos) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch flushed = new CountDownLatch(2);
        FlushBatcher.Dirty a = new OnFlush(() -> flushedInOrder("a", log, flushed));
        FlushBatcher.Dirty b = new OnFlush(() -> flushedInOrder("b", log, flushed));
        loop.execute(() -> {
            FlushBatcher.current().add(a, windowNanos);
            loop.execute(() -> {
                FlushBatcher.current().add(b, windowNanos);
                log.add("queued work");
            });
        });
        assertTrue(flushed.await(10, TimeUnit.SECONDS), "both flushed: " + log);
        return log;
    }

    @Test
    @DisplayName("without a window, a turn's output is flushed before work queued after it (one write per turn)")
    void noWindowFlushesAtTheEndOfTheTurn() throws Exception {
        List<String> log = writeThenQueueMore(0);
        assertEquals(List.of("flush a", "queued work", "flush b"), log);
    }

    @Test
    @DisplayName("with a window, the flush waits for the loop's queued work, so its output goes out in the same write")
    void windowWaitsForQueuedWork() throws Exception {
        List<String> log = writeThenQueueMore(TimeUnit.SECONDS.toNanos(5));
        assertEquals(List.of("queued work", "flush a", "flush b"), log);
    }

    @Test
    @DisplayName("an idle loop flushes at once: the window adds no latency to a quiet server")
    void idleLoopFlushesAtOnce() throws Exception {
        CompletableFuture<Long> flushedAfterNanos = new CompletableFuture<>();
        long[] start = new long[1];
        FlushBatcher.Dirty out = new OnFlush(() -> flushedAfterNanos.complete(System.nanoTime() - start[0]));
        loop.execute(() -> {
            start[0] = System.nanoTime();
            FlushBatcher.current().add(out, TimeUnit.SECONDS.toNanos(30));
        });
        long nanos = flushedAfterNanos.get(10, TimeUnit.SECONDS);
        assertTrue(nanos < TimeUnit.SECONDS.toNanos(30), "flushed without waiting out the window: " + nanos + " ns");
    }

    @Test
    @DisplayName("a loop that never runs out of work still flushes once the window has passed")
    void endlessWorkStillFlushesAfterTheWindow() throws Exception {
        AtomicBoolean flushed = new AtomicBoolean();
        AtomicInteger spins = new AtomicInteger();
        FlushBatcher.Dirty out = new OnFlush(() -> flushed.set(true));
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Runnable[] busy = new Runnable[1];
        busy[0] = () -> {   // always one more task queued, until the flush happened (bounded: 10 s of spinning at most)
            if (flushed.get() || spins.incrementAndGet() > 10_000_000) done.complete(spins.get());
            else loop.execute(busy[0]);
        };
        loop.execute(() -> {
            FlushBatcher.current().add(out, TimeUnit.MILLISECONDS.toNanos(20));
            loop.execute(busy[0]);
        });
        done.get(30, TimeUnit.SECONDS);
        assertTrue(flushed.get(), "flushed although the loop always had queued work");
    }

    /** A connection that remembers when it was flushed, and how many flushes it took. */
    private final class Paced implements FlushBatcher.Dirty {
        final long window;
        final AtomicInteger flushes = new AtomicInteger();
        final List<Long> flushedAt = new CopyOnWriteArrayList<>();
        volatile long last = NEVER;
        volatile boolean steady;
        private boolean dirty;

        Paced(long window) {
            this.window = window;
        }

        /** As {@link Outbox} does: a connection waiting for its flush is handed to the batcher once. */
        void write() {
            if (!dirty) {
                dirty = true;
                FlushBatcher.current().add(this, window);
            }
        }

        @Override
        public void flush() {
            dirty = false;
            long now = System.nanoTime();
            steady = FlushBatcher.steady(last, now, window);
            last = now;
            flushedAt.add(last);
            flushes.incrementAndGet();
        }

        @Override
        public EventExecutor executor() {
            return loop;
        }

        @Override
        public long lastFlushNanos() {
            return last;
        }

        @Override
        public boolean flushedSteadily() {
            return steady;
        }
    }

    @Test
    @DisplayName("a connection whose output keeps coming waits for its window's end: what trickles in meanwhile goes out in one write")
    void writesWithinAWindowShareOneFlush() throws Exception {
        long window = TimeUnit.SECONDS.toNanos(2);
        Paced out = new Paced(window);
        // Two writes in a row after a quiet spell (a reply after an ok): neither is held back.
        long secondWrite = writeOnLoop(out);
        awaitFlushes(out, 1);
        secondWrite = writeOnLoop(out);
        awaitFlushes(out, 2);
        assertTrue(out.flushedAt.get(1) - secondWrite < window, "the second write was not held back");
        // Now the output keeps coming: three more writes, in turns of their own, wait for the window's end together.
        for (int i = 0; i < 3; i++) {
            writeOnLoop(out);
            Thread.sleep(10);   // separate turns (what is measured is when they are flushed, awaited below)
        }
        awaitFlushes(out, 3);
        long gap = out.flushedAt.get(2) - out.flushedAt.get(1);
        assertTrue(gap >= window, "the third flush waited out the window: " + gap + " ns");
        Thread.sleep(50);
        assertEquals(3, out.flushes.get(), "the three writes went out in one flush");
    }

    /** Writes once on the loop; returns when the write was made. */
    private long writeOnLoop(Paced out) throws Exception {
        CompletableFuture<Long> at = new CompletableFuture<>();
        loop.execute(() -> {
            at.complete(System.nanoTime());
            out.write();
        });
        return at.get(10, TimeUnit.SECONDS);
    }

    private static void awaitFlushes(Paced out, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.flushes.get() < n && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(out.flushes.get() >= n, "flushed " + n + " times: " + out.flushes.get());
    }

    @Test
    @DisplayName("over the output budget, held-back connections are flushed at once too")
    void flushNowIncludesPacedConnections() throws Exception {
        long window = TimeUnit.SECONDS.toNanos(30);
        Paced out = new Paced(window);
        out.last = System.nanoTime();   // just written, steadily: the next write would wait 30 s
        out.steady = true;
        CompletableFuture<Integer> after = new CompletableFuture<>();
        loop.execute(() -> {
            out.write();
            int held = out.flushes.get();
            FlushBatcher.current().flushNow();
            after.complete(out.flushes.get() - held);
        });
        assertEquals(1, after.get(10, TimeUnit.SECONDS), "flushNow flushed the held-back connection");
    }

    @Test
    @DisplayName("after a flush that took long, the next waits as long for queued work (capped): writes stay a bounded share of a busy loop")
    void slowFlushWidensTheWindow() throws Exception {
        long window = TimeUnit.MILLISECONDS.toNanos(5);
        long slowFlushNanos = TimeUnit.MILLISECONDS.toNanos(60);   // under the cap of 16 windows (80 ms)
        CompletableFuture<Long> secondFlushAfter = new CompletableFuture<>();
        long[] secondAdded = new long[1];
        AtomicInteger flushes = new AtomicInteger();
        FlushBatcher.Dirty out = new OnFlush(() -> {
            if (flushes.incrementAndGet() == 1) {
                long until = System.nanoTime() + slowFlushNanos;   // a flush to thousands of connections
                while (System.nanoTime() < until) Thread.onSpinWait();
            } else {
                secondFlushAfter.complete(System.nanoTime() - secondAdded[0]);
            }
        });
        CountDownLatch firstDone = new CountDownLatch(1);
        loop.execute(() -> {
            FlushBatcher.current().add(out, window);
            loop.execute(firstDone::countDown);
        });
        assertTrue(firstDone.await(10, TimeUnit.SECONDS));
        Runnable[] busy = new Runnable[1];
        busy[0] = () -> {   // queued work until the second flush happened (bounded by the future's timeout below)
            if (!secondFlushAfter.isDone()) loop.execute(busy[0]);
        };
        loop.execute(() -> {
            secondAdded[0] = System.nanoTime();
            FlushBatcher.current().add(out, window);
            loop.execute(busy[0]);
        });
        long waited = secondFlushAfter.get(10, TimeUnit.SECONDS);
        assertTrue(waited >= slowFlushNanos, "waited as long as the slow flush took, not just the 5 ms window: " + waited + " ns");
    }
}
