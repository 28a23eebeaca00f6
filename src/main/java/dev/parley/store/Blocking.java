package dev.parley.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;

/**
 * Runs storage work off the event loop. Tasks submitted from one context run in submission order,
 * so a verticle that appends twice sees its appends stored (and completed) in that order.
 */
public final class Blocking {
    private final WorkerExecutor executor;

    public Blocking(Vertx vertx, String name, int threads) {
        this.executor = vertx.createSharedWorkerExecutor(name, threads);
    }

    public <T> Future<T> run(Callable<T> task) {
        return executor.executeBlocking(task, true);
    }

    /** For reads: they need no order, and must not wait behind another verticle's writes and commits. */
    public <T> Future<T> read(Callable<T> task) {
        return executor.executeBlocking(task, false);
    }

    public Future<Void> close() {
        return executor.close();
    }
}
