package dev.parley.service;

import dev.parley.store.IdempotencyStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;

/**
 * Client-id (cid) deduplication of sends: the first attempt claims the key with its reply; a retry
 * within the window gets the claimed reply and is not delivered again. A failed attempt releases the
 * key so the retry really runs. The window runs on the injected clock.
 */
public final class Dedup {
    private final IdempotencyStore store;
    private final long windowMillis;
    private final Clock clock;

    public Dedup(IdempotencyStore store, Duration window, Clock clock) {
        this.store = store;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    public static String key(String user, String op, String cid) {
        return user + '\0' + op + '\0' + cid;
    }

    /** Null when this attempt owns the key (go ahead), else the reply of the earlier attempt. */
    public Future<JsonObject> claim(String key, JsonObject reply) {
        if (key == null) return Future.succeededFuture();
        return store.putIfAbsent(key, reply.encode(), expiresAt())
                .map(existing -> existing == null ? null : new JsonObject(existing));
    }

    /** Records the final reply of the owning attempt. */
    public Future<Void> complete(String key, JsonObject reply) {
        if (key == null) return Future.succeededFuture();
        return store.put(key, reply.encode(), expiresAt());
    }

    private long expiresAt() {
        return clock.millis() + windowMillis;
    }

    public Future<Void> release(String key) {
        if (key == null) return Future.succeededFuture();
        return store.remove(key);
    }
}
