package dev.parley.gateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's bound on output waiting for slow readers, across all connections: that output lives in
 * direct memory, and without a node-wide bound many readers each under their own cap still add up to
 * an OutOfMemoryError. Over it, the readers with the most pending output are dropped first.
 */
final class OutputBudget {
    private final long max;
    private final AtomicLong pending = new AtomicLong();
    private volatile long highWater;

    OutputBudget(long max) {
        this.max = max;
    }

    /**
     * The configured budget, but never more than a quarter of the direct memory the JVM may use: the hard
     * limit ({@link #canHold}) stays under a third of it, leaving the rest to reads, TLS and Hazelcast.
     */
    static long effective(long configured, long maxDirectMemory) {
        return maxDirectMemory > 0 ? Math.min(configured, maxDirectMemory / 4) : configured;
    }

    void add(long bytes) {
        long now = pending.addAndGet(bytes);
        if (now > highWater) highWater = now;   // racy on purpose: a gauge, not a bound
    }

    void release(long bytes) {
        pending.addAndGet(-bytes);
    }

    /**
     * Whether another buffer of {@code bytes} may be allocated: shedding starts at the budget, and
     * allocation stops for good 25 % above it (the writer is then dropped, not the node).
     */
    boolean canHold(long bytes) {
        return pending.get() + bytes <= max + max / 4;
    }

    boolean over() {
        return pending.get() > max;
    }

    /** Where shedding stops: a little under the budget, so that it does not run again on the next message. */
    long target() {
        return max - max / 10;
    }

    long pending() {
        return pending.get();
    }

    long max() {
        return max;
    }

    /** The most pending output seen at once since start. */
    long highWater() {
        return highWater;
    }
}
