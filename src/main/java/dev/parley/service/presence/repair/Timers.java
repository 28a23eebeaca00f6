package dev.parley.service.presence.repair;

import io.vertx.core.Vertx;

/** One-shot timers: the only way time enters presence repair, so tests can fire them by hand. */
public interface Timers {
    /** Runs {@code action} after {@code delayMillis}; returns an id for {@link #cancel}. */
    long after(long delayMillis, Runnable action);

    void cancel(long id);

    /** Vert.x timers, firing on the caller's context. */
    static Timers of(Vertx vertx) {
        return new Timers() {
            @Override
            public long after(long delayMillis, Runnable action) {
                return vertx.setTimer(delayMillis, id -> action.run());
            }

            @Override
            public void cancel(long id) {
                vertx.cancelTimer(id);
            }
        };
    }
}
