package dev.parley.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {
    private final Vertx vertx = Vertx.vertx();
    private final Blocking blocking = new Blocking(vertx, "group-commit-test", 4);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("steps asked for while a batch runs go together, in the order asked, each with its own answer; a throwing step fails alone")
    void batchesInOrder() throws Exception {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(blocking, i -> {
            threads.add(Thread.currentThread().getName());
            ran.add(i);
            if (i == 0) {
                firstStarted.countDown();
                await(release);
            }
            if (i == 7) throw new IllegalStateException("seven");
            return i * 10;
        });
        CompletableFuture<List<Future<Integer>>> submitted = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            List<Future<Integer>> all = new ArrayList<>();
            all.add(commit.submit(0));
            submitted.complete(all);
        });
        List<Future<Integer>> all = submitted.get(10, TimeUnit.SECONDS);
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> more = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            for (int i = 1; i < 600; i++) all.add(commit.submit(i));
            more.complete(null);
        });
        more.get(10, TimeUnit.SECONDS);
        release.countDown();
        Future.join(new ArrayList<>(all)).toCompletionStage().toCompletableFuture().handle((x, t) -> null).get(10, TimeUnit.SECONDS);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 600; i++) expected.add(i);
        assertEquals(expected, ran);
        for (int i = 0; i < 600; i++) {
            if (i == 7) assertEquals("seven", all.get(i).cause().getMessage());
            else assertEquals(i * 10, all.get(i).result());
        }
        // 599 steps waited while the first ran: 3 batches of at most MAX_BATCH (256) after it, not 599 worker tasks.
        assertEquals(4, commit.batches());
        assertTrue(threads.stream().allMatch(t -> t.startsWith("group-commit-test")), threads::toString);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
