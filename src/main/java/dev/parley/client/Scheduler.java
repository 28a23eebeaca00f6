package dev.parley.client;

/** One-shot timers on the session's loop; injected so reconnect logic is tested without waiting. */
@FunctionalInterface
interface Scheduler {

    /** Runs {@code task} after the delay; the returned action cancels it. */
    Runnable schedule(long delayMillis, Runnable task);
}
