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

    /** A connection's output that records the order of flushes among the loop's other work. */
    private record Output(String name, List<String> log, EventExecutor executor, CountDownLatch flushed)
            implements FlushBatcher.Dirty {
        @Override
        public void flush() {
            log.add("flush " + name);
            flushed.countDown();
        }
    }

    /** On the loop: writes {@code a}, then queues a task writing {@code b} and logging "queued work". */
    private List<String> writeThenQueueMore(long windowNanos) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch flushed = new CountDownLatch(2);
        Output a = new Output("a", log, loop, flushed);
        Output b = new Output("b", log, loop, flushed);
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
        FlushBatcher.Dirty out = new FlushBatcher.Dirty() {
            @Override
            public void flush() {
                flushedAfterNanos.complete(System.nanoTime() - start[0]);
            }

            @Override
            public EventExecutor executor() {
                return loop;
            }
        };
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
        FlushBatcher.Dirty out = new FlushBatcher.Dirty() {
            @Override
            public void flush() {
                flushed.set(true);
            }

            @Override
            public EventExecutor executor() {
                return loop;
            }
        };
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
}
