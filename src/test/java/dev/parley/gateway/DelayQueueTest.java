package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DelayQueueTest {
    private static final long MS = 1_000_000L;
    private long now = 5_000 * MS;
    private final DelayQueue queue = new DelayQueue(3000, () -> now);
    private final List<String> fired = new ArrayList<>();

    @Test
    @DisplayName("a timeout runs once its delay has passed, not before, and only once")
    void runsWhenDue() {
        queue.add(() -> fired.add("a"));
        now += 2999 * MS;
        queue.sweep();
        assertEquals(List.of(), fired);
        now += MS;
        queue.sweep();
        queue.sweep();
        assertEquals(List.of("a"), fired);
        assertEquals(0, queue.size());
    }

    @Test
    @DisplayName("timeouts run in the order they were added, and a later one waits for its own time")
    void inOrder() {
        queue.add(() -> fired.add("a"));
        now += 10 * MS;
        queue.add(() -> fired.add("b"));
        now += 500 * MS;
        queue.add(() -> fired.add("c"));
        now += 2995 * MS;
        queue.sweep();
        assertEquals(List.of("a", "b"), fired);
        now += 1000 * MS;
        queue.sweep();
        assertEquals(List.of("a", "b", "c"), fired);
    }

    @Test
    @DisplayName("a cancelled timeout never runs, and does not hold back the ones after it")
    void cancelled() {
        DelayQueue.Timeout a = queue.add(() -> fired.add("a"));
        queue.add(() -> fired.add("b"));
        a.cancel();
        now += 3000 * MS;
        queue.sweep();
        assertEquals(List.of("b"), fired);
        assertEquals(0, queue.size());
    }

    @Test
    @DisplayName("a task that adds a timeout while being swept does not run it before its own delay")
    void addedDuringSweep() {
        queue.add(() -> {
            fired.add("a");
            queue.add(() -> fired.add("again"));
        });
        now += 3000 * MS;
        queue.sweep();
        assertEquals(List.of("a"), fired);
        now += 3000 * MS;
        queue.sweep();
        assertEquals(List.of("a", "again"), fired);
    }
}
