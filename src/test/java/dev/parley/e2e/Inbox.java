package dev.parley.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a test client received, in arrival order: a reader thread adds, the test awaits what it
 * expects with a deadline. Items passed over by one await stay available to later ones.
 */
final class Inbox<T> {
    private static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Items taken off the queue while awaiting something else, kept in arrival order. */
    private final List<T> seen = new ArrayList<>();
    private final List<T> log = Collections.synchronizedList(new ArrayList<>());

    void add(T item) {
        log.add(item);
        queue.add(item);
    }

    /** The connection ended: awaits fail fast from now on. */
    void closed() {
        queue.add(CLOSED);
    }

    /** The first item matching, or null when none arrives within {@code timeout}; fails on close. */
    @SuppressWarnings("unchecked")
    T poll(Predicate<T> match, String what, Duration timeout) {
        for (int i = 0; i < seen.size(); i++) {
            if (match.test(seen.get(i))) return seen.remove(i);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object o = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
                if (o == null) return null;
                if (o == CLOSED) {
                    queue.add(CLOSED);
                    throw new AssertionError("connection closed while waiting for " + what + "; got " + seen);
                }
                T item = (T) o;
                if (match.test(item)) return item;
                seen.add(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    T await(Predicate<T> match, String what, Duration timeout) {
        T item = poll(match, what, timeout);
        if (item == null) throw new AssertionError("timed out waiting for " + what + "; got " + seen);
        return item;
    }

    /** Waits for the close; true when it came within {@code timeout}. Items on the way are kept. */
    @SuppressWarnings("unchecked")
    boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object o = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                if (o == null) return false;
                if (o == CLOSED) {
                    queue.add(CLOSED);
                    return true;
                }
                seen.add((T) o);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Items not consumed by any await (taken without waiting). */
    @SuppressWarnings("unchecked")
    List<T> drainUnconsumed() {
        List<T> all = new ArrayList<>(seen);
        List<Object> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Object o : rest) {
            if (o == CLOSED) queue.add(CLOSED);
            else all.add((T) o);
        }
        seen.clear();
        return all;
    }

    List<T> seenSoFar() {
        return new ArrayList<>(seen);
    }

    /** Everything received, consumed or not, in arrival order. */
    List<T> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** What arrived before {@code marker} (an item this inbox received, compared by identity). */
    List<T> before(T marker) {
        List<T> all = log();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == marker) return all.subList(0, i);
        }
        throw new AssertionError("not received by this client: " + marker);
    }
}
