package dev.parley.store;

import io.vertx.core.Future;

/** Remembers client ids (cid) of sends for a while, so a retry is answered, not repeated. */
public interface IdempotencyStore {
    /** Stores value under key unless present and unexpired; returns the existing value, or null if stored. */
    Future<String> putIfAbsent(String key, String value, long expiresAtMillis);

    /** Overwrites the value of a key. */
    Future<Void> put(String key, String value, long expiresAtMillis);

    Future<Void> remove(String key);
}
