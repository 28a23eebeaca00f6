package dev.parley.client;

import java.util.function.DoubleSupplier;

/**
 * Capped exponential reconnect delays. Pure arithmetic: the caller owns the timer,
 * so tests need no clock.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    /** Spreads reconnects after a server restart so clients do not all return in the same instant. */
    private final double jitter;
    private final DoubleSupplier random;
    private long next;

    Backoff(long initialMillis, long maxMillis, double jitter, DoubleSupplier random) {
        if (initialMillis <= 0 || maxMillis < initialMillis || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("bad backoff bounds");
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.jitter = jitter;
        this.random = random;
        this.next = initialMillis;
    }

    /** 0.5 s doubling to 10 s, each delay shortened by up to 20 %. */
    static Backoff standard() {
        return new Backoff(500, 10_000, 0.2, Math::random);
    }

    /** The delay before the next attempt; each call doubles the following one up to the cap. */
    long nextDelayMillis() {
        long base = next;
        next = Math.min(maxMillis, next * 2);
        return Math.max(1, Math.round(base * (1 - jitter * random.getAsDouble())));
    }

    /** Called once a connection is fully back, so the next outage starts small again. */
    void reset() {
        next = initialMillis;
    }
}
