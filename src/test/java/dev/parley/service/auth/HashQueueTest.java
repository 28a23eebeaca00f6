package dev.parley.service.auth;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.parley.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashQueueTest {
    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private HashQueue queue;

    @AfterEach
    void close() throws Exception {
        if (queue != null) queue.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A task holding the queue's only thread until {@code release} counts down. */
    private record Busy(CountDownLatch release, Future<Object> done) {
    }

    private Busy occupyTheThread(HashQueue.Lane lane) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<Object> done = queue.submit(context, lane, () -> {
            running.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });
        assertTrue(running.await(10, TimeUnit.SECONDS), "the only thread is busy");
        return new Busy(release, done);
    }


    @Test
    @DisplayName("a free hashing thread takes every waiting login before any waiting registration")
    void loginsFirst() throws Exception {
        queue = new HashQueue("t-hash", 1, 10, 10);
        Busy busy = occupyTheThread(HashQueue.Lane.REGISTRATION);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String r = "r" + i;
            all.add(queue.submit(context, HashQueue.Lane.REGISTRATION, () -> order.add(r)));
        }
        for (int i = 0; i < 3; i++) {
            String l = "l" + i;
            all.add(queue.submit(context, HashQueue.Lane.LOGIN, () -> order.add(l)));
        }
        busy.release().countDown();
        result(busy.done());
        result(Future.all(all));
        assertEquals(List.of("l0", "l1", "l2", "r0", "r1", "r2"), order);
    }

    @Test
    @DisplayName("a full lane refuses at once with UNAVAILABLE; the other lane still takes work")
    void boundedLanes() throws Exception {
        queue = new HashQueue("t-hash", 1, 1, 2);
        Busy busy = occupyTheThread(HashQueue.Lane.LOGIN);
        Future<String> r1 = queue.submit(context, HashQueue.Lane.REGISTRATION, () -> "r1");
        Future<String> r2 = queue.submit(context, HashQueue.Lane.REGISTRATION, () -> "r2");
        Future<String> r3 = queue.submit(context, HashQueue.Lane.REGISTRATION, () -> "r3");
        assertTrue(r3.failed(), "the third registration finds the lane full");
        assertEquals(ChatError.UNAVAILABLE, assertInstanceOf(Bus.ServiceException.class, r3.cause()).error);
        Future<String> l1 = queue.submit(context, HashQueue.Lane.LOGIN, () -> "l1");
        assertTrue(queue.submit(context, HashQueue.Lane.LOGIN, () -> "l2").failed(), "login lane of 1 is full");
        busy.release().countDown();
        result(busy.done());
        assertEquals("l1", result(l1));
        assertEquals("r1", result(r1));
        assertEquals("r2", result(r2));
    }

    @Test
    @DisplayName("a task's failure fails its future; closing fails what is still queued")
    void failures() throws Exception {
        queue = new HashQueue("t-hash", 1, 10, 10);
        Future<Object> boom = queue.submit(context, HashQueue.Lane.LOGIN, () -> {
            throw new IllegalStateException("boom");
        });
        try {
            result(boom);
        } catch (java.util.concurrent.ExecutionException e) {
            assertEquals("boom", e.getCause().getMessage());
        }
        assertTrue(boom.failed());
        Busy busy = occupyTheThread(HashQueue.Lane.LOGIN);
        Future<String> queued = queue.submit(context, HashQueue.Lane.REGISTRATION, () -> "never");
        queue.close();
        busy.release().countDown();
        try {
            result(queued);
        } catch (java.util.concurrent.ExecutionException e) {
            assertEquals(ChatError.UNAVAILABLE, ((Bus.ServiceException) e.getCause()).error);
        }
        assertTrue(queued.failed());
    }
}
