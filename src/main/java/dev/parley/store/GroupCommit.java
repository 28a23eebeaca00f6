package dev.parley.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Store steps handed to the worker pool in batches: while one batch runs, the steps asked for meanwhile wait and
 * then go together as the next batch (one worker task, one hand-off each way), instead of one worker task per step
 * (a room say's hop to the pool and back, docs/performance.md "Per-message cost"). Steps run in the order they
 * were asked for, one batch at a time, so order is kept as {@link Blocking#run} keeps it; a step that throws
 * fails only its own future. Each future completes on the context of the batch's submitter.
 *
 * @param <I> what a step is asked with
 * @param <O> what it answers
 */
public final class GroupCommit<I, O> {
    /** Enough to amortise the hand-off; bounds how long the first step of a batch waits for the last. */
    static final int MAX_BATCH = 256;

    private record Step<I, O>(I input, Promise<O> result) {
    }

    private final Blocking blocking;
    private final Function<I, O> step;
    private List<Step<I, O>> waiting = new ArrayList<>();
    private boolean running;
    /** Worker tasks submitted so far (a test's view of the batching). */
    private int batches;

    /** @param step one store step, run on a worker thread */
    public GroupCommit(Blocking blocking, Function<I, O> step) {
        this.blocking = blocking;
        this.step = step;
    }

    public Future<O> submit(I input) {
        Promise<O> p = Promise.promise();
        synchronized (this) {
            waiting.add(new Step<>(input, p));
            if (running) return p.future();
            running = true;
        }
        runNext();
        return p.future();
    }

    private void runNext() {
        List<Step<I, O>> batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                running = false;
                return;
            }
            if (waiting.size() <= MAX_BATCH) {
                batch = waiting;
                waiting = new ArrayList<>();
            } else {
                batch = new ArrayList<>(waiting.subList(0, MAX_BATCH));
                waiting = new ArrayList<>(waiting.subList(MAX_BATCH, waiting.size()));
            }
            batches++;
        }
        blocking.run(() -> {
            Object[] outcomes = new Object[batch.size()];
            for (int i = 0; i < outcomes.length; i++) {
                try {
                    outcomes[i] = step.apply(batch.get(i).input());
                } catch (RuntimeException e) {
                    outcomes[i] = new Failed(e);
                }
            }
            return outcomes;
        }).onComplete(done -> {
            for (int i = 0; i < batch.size(); i++) {
                Promise<O> p = batch.get(i).result();
                if (done.failed()) p.fail(done.cause());
                else complete(p, done.result()[i]);
            }
            runNext();
        });
    }

    synchronized int batches() {
        return batches;
    }

    @SuppressWarnings("unchecked")
    private void complete(Promise<O> p, Object outcome) {
        if (outcome instanceof Failed f) p.fail(f.cause());
        else p.complete((O) outcome);
    }

    /** A step's exception, kept apart from answers. */
    private record Failed(RuntimeException cause) {
    }
}
