package dev.parley.service.presence.repair;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs one asynchronous step per item, {@link #SIZE} at a time and one batch after another, so a node with
 * many sessions never floods Redis. A failed step does not stop the others.
 */
final class Batches {
    /** Steps in flight at once: bounds the burst of Redis calls (the pool would overflow and fail logins). */
    static final int SIZE = 64;

    /** What a run did: the results of the steps that succeeded, and the items whose step failed. */
    record Outcome<T, R>(List<R> done, List<T> failed, Throwable firstFailure) {
    }

    private Batches() {
    }

    /** @param stopped checked between batches: a stopping node starts no more */
    static <T, R> Future<Outcome<T, R>> run(List<T> items, Function<T, Future<R>> step, BooleanSupplier stopped) {
        return next(items, 0, step, stopped, new Outcome<>(new ArrayList<>(), new ArrayList<>(), null));
    }

    private static <T, R> Future<Outcome<T, R>> next(List<T> items, int from, Function<T, Future<R>> step,
                                                     BooleanSupplier stopped, Outcome<T, R> outcome) {
        if (from >= items.size() || stopped.getAsBoolean()) return Future.succeededFuture(outcome);
        List<T> slice = items.subList(from, Math.min(items.size(), from + SIZE));
        List<Future<R>> batch = new ArrayList<>(slice.size());
        for (T item : slice) batch.add(step.apply(item));
        return Future.join(batch).transform(done -> {
            Outcome<T, R> next = outcome;
            for (int i = 0; i < batch.size(); i++) {
                Future<R> f = batch.get(i);
                if (f.succeeded()) {
                    next.done().add(f.result());
                } else {
                    next.failed().add(slice.get(i));
                    if (next.firstFailure() == null) next = new Outcome<>(next.done(), next.failed(), f.cause());
                }
            }
            return next(items, from + SIZE, step, stopped, next);
        });
    }
}
