package dev.parley.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waiting for a condition with a deadline: tests poll what they expect, never sleep a fixed time.
 * The poll is quick and the deadline generous, so a test takes as long as the system needs.
 * Probes may throw: the exception reaches the test unchanged.
 */
public final class Await {
    /** How often a condition is checked unless the caller says otherwise. */
    public static final Duration EVERY = Duration.ofMillis(10);

    /** One look at the system under test (may itself wait, e.g. poll a client for a while). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /**
     * A Vert.x future's value, waiting at most 10 s: its failure comes out as the {@link
     * java.util.concurrent.ExecutionException} around the cause, a timeout as a {@link java.util.concurrent.TimeoutException}.
     */
    public static <T> T result(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Checks {@code condition} until it holds; fails naming {@code what} at the deadline. */
    public static void until(Condition condition, Duration timeout, String what) {
        until(condition, timeout, EVERY, what);
    }

    public static void until(Condition condition, Duration timeout, Duration every, String what) {
        if (!latest(condition::holds, done -> done, timeout, every)) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
    }

    /**
     * Probes until {@code done} accepts the value and returns it, or at the deadline the last value
     * probed (done or not): the caller asserts on it, so its failure message says what was seen.
     */
    public static <T> T latest(Probe<T> probe, Predicate<? super T> done, Duration timeout) {
        return latest(probe, done, timeout, EVERY);
    }

    public static <T> T latest(Probe<T> probe, Predicate<? super T> done, Duration timeout, Duration every) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = get(probe);
            if (done.test(v) || System.nanoTime() - deadline >= 0) return v;
            pause(every);
        }
    }

    /** Probes until the answer is non-null and returns it; null when the deadline passes first. */
    public static <T> T firstNonNull(Probe<T> probe, Duration timeout, Duration every) {
        return latest(probe, v -> v != null, timeout, every);
    }

    private static <T> T get(Probe<T> probe) {
        try {
            return probe.get();
        } catch (Exception e) {
            throw Await.<RuntimeException>rethrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Exception e) throws E {
        throw (E) e;
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
