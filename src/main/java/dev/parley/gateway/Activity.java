package dev.parley.gateway;

import java.util.function.LongSupplier;

/**
 * When a connection opened and when its last complete request arrived (bytes without a newline do
 * not count), read from an injected clock: what its {@link Deadlines} are measured from.
 */
final class Activity {
    private final LongSupplier nanoTime;
    private final long connectedNanos;
    private long lastRequestNanos;

    Activity(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.connectedNanos = nanoTime.getAsLong();
        this.lastRequestNanos = connectedNanos;
    }

    void requestArrived() {
        lastRequestNanos = nanoTime.getAsLong();
    }

    long connectedNanos() {
        return connectedNanos;
    }

    long lastRequestNanos() {
        return lastRequestNanos;
    }
}
