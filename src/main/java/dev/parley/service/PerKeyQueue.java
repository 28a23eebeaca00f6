package dev.parley.service;

import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after another per key (e.g. per sender), so one sender's messages
 * are processed in the order they arrived while different senders proceed in parallel.
 * Not thread-safe: use from one verticle's context.
 */
public final class PerKeyQueue {
    private final Map<String, Future<?>> tails = new HashMap<>();

    public <T> Future<T> submit(String key, Supplier<Future<T>> task) {
        Future<?> tail = tails.get(key);
        Future<T> result = tail == null ? task.get() : tail.transform(ignored -> task.get());
        tails.put(key, result);
        result.onComplete(done -> {
            if (tails.get(key) == result) tails.remove(key);
        });
        return result;
    }
}
