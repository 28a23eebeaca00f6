package dev.parley.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for a condition with a deadline: tests poll what they expect, never sleep a fixed time.
 * The poll is quick and the deadline generous, so a test takes as long as the system needs.
 */
public final class Await {
    /** How often a condition is checked unless the caller says otherwise. */
    public static final Duration EVERY = Duration.ofMillis(10);

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} at the deadline. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        until(condition, timeout, EVERY, what);
    }

    public static void until(BooleanSupplier condition, Duration timeout, Duration every, String what) {
        if (!latest(condition::getAsBoolean, done -> done, timeout, every)) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
    }

    /**
     * Polls {@code value} until {@code done} accepts it and returns that value, or at the deadline the
     * last value polled (done or not): the caller asserts on it, so its failure message says what was seen.
     */
    public static <T> T latest(Supplier<T> value, Predicate<? super T> done, Duration timeout) {
        return latest(value, done, timeout, EVERY);
    }

    public static <T> T latest(Supplier<T> value, Predicate<? super T> done, Duration timeout, Duration every) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = value.get();
            if (done.test(v) || System.nanoTime() - deadline >= 0) return v;
            pause(every);
        }
    }

    /**
     * Calls {@code attempt} until it returns non-null (an attempt may itself wait, e.g. poll a client for
     * a while); null when the deadline passes first.
     */
    public static <T> T firstNonNull(Supplier<T> attempt, Duration timeout, Duration every) {
        return latest(attempt, v -> v != null, timeout, every);
    }

    private static void pause(Duration every) {
        if (every.isZero()) return;
        LockSupport.parkNanos(every.toNanos());
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting");
        }
    }
}
