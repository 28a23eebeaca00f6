package dev.parley.gateway;

import dev.parley.service.delivery.PresenceChange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds the default room's arrivals and departures for up to {@code limits.presenceBatchMs}, then hands them on
 * together, so that each reader gets a storm's presence events in one write(2) per window: in a 3-node login
 * storm, one write per arrival per online reader was the largest cost left on the event loops (docs/performance.md,
 * "Login storms, round 2"). Same events, same order, only later by at most the window.
 *
 * <p>Whatever else the node delivers first releases what is held ({@link #release}), so that a reader never sees a
 * user's message before that user's arrival (an IRC client needs the JOIN before the PRIVMSG). One per node, used
 * on the delivery verticle's context only.
 */
final class PresenceHold {
    /** Schedules the release: a timer on the delivery verticle's context. */
    interface Timer {
        void after(long millis, Runnable action);
    }

    /** Bounds what waits for the timer: a bigger storm is handed on in batches of this many. */
    static final int MAX_HELD = 1_000;

    private final long windowMillis;
    private final Timer timer;
    private final Consumer<List<PresenceChange>> deliver;
    private List<PresenceChange> held = new ArrayList<>();

    /** @param windowMillis how long the first held event may wait (0: never held) */
    PresenceHold(long windowMillis, Timer timer, Consumer<List<PresenceChange>> deliver) {
        this.windowMillis = windowMillis;
        this.timer = timer;
        this.deliver = deliver;
    }

    /** Holds {@code p} until the window of the first held event ends, or hands it on at once when holding is off. */
    void hold(PresenceChange p) {
        if (windowMillis <= 0) {
            deliver.accept(List.of(p));
            return;
        }
        held.add(p);
        // A timer per batch: one that fires after an early release finds a younger batch, handed on early, never late.
        if (held.size() == 1) timer.after(windowMillis, this::release);
        if (held.size() >= MAX_HELD) release();
    }

    /** Hands on what is held, in arrival order (nothing: no-op). */
    void release() {
        if (held.isEmpty()) return;
        List<PresenceChange> batch = held;
        held = new ArrayList<>();
        deliver.accept(batch);
    }
}
