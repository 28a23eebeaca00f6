package dev.parley.service.presence.repair;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchesTest {
    private final List<Promise<Integer>> inFlight = new ArrayList<>();

    private Future<Integer> step(int item) {
        Promise<Integer> p = Promise.promise();
        inFlight.add(p);
        return p.future();
    }

    /** Completes the steps in flight (item 7 fails) and returns how many there were. */
    private int finishBatch(List<Integer> items, int from) {
        List<Promise<Integer>> batch = new ArrayList<>(inFlight);
        inFlight.clear();
        for (int i = 0; i < batch.size(); i++) {
            int item = items.get(from + i);
            if (item == 7) batch.get(i).fail("no");
            else batch.get(i).complete(item * 10);
        }
        return batch.size();
    }

    @Test
    @DisplayName("at most SIZE steps are in flight, batch after batch; a failed step is reported and the others go on")
    void boundedBatches() {
        List<Integer> items = IntStream.range(0, 2 * Batches.SIZE + 5).boxed().toList();

        Future<Batches.Outcome<Integer, Integer>> run = Batches.run(items, this::step, () -> false);

        List<Integer> batchSizes = new ArrayList<>();
        int from = 0;
        while (!inFlight.isEmpty()) {
            int size = finishBatch(items, from);
            batchSizes.add(size);
            from += size;
        }
        assertEquals(List.of(Batches.SIZE, Batches.SIZE, 5), batchSizes);
        assertTrue(run.succeeded());
        assertEquals(List.of(7), run.result().failed());
        assertEquals(items.size() - 1, run.result().done().size());
        assertEquals("no", run.result().firstFailure().getMessage());
    }

    @Test
    @DisplayName("a stopping node starts no further batch")
    void stopsBetweenBatches() {
        List<Integer> items = IntStream.range(0, Batches.SIZE + 1).boxed().toList();
        boolean[] stopped = {false};

        Future<Batches.Outcome<Integer, Integer>> run = Batches.run(items, this::step, () -> stopped[0]);
        stopped[0] = true;
        finishBatch(items, 0);

        assertFalse(run.failed());
        assertEquals(Batches.SIZE, run.result().done().size() + run.result().failed().size());
        assertTrue(inFlight.isEmpty(), "the last item never started");
    }
}
