package dev.parley.gateway;

import dev.parley.protocol.ByeReason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The two clocks a connection must beat: log in within the login timeout of connecting, and send a
 * complete request (a whole line or frame, not any byte) within the idle timeout of the last one.
 */
final class Deadlines {

    /** A connection as the deadlines see it. */
    interface Subject {
        boolean closed();

        /** When it connected, on the deadlines' clock. */
        long connectedNanos();

        /** When it last sent a complete request (bytes without a newline do not count), on the deadlines' clock. */
        long lastRequestNanos();

        /** Logged in, or a login/register is being answered (not cut off mid-way). */
        boolean authenticating();

        void bye(ByeReason reason, String message);
    }

    private final int idleTimeoutSeconds;
    private final int loginTimeoutSeconds;
    private final long idleNanos;
    private final long loginNanos;
    private final LongSupplier nanoTime;

    Deadlines(int idleTimeoutSeconds, int loginTimeoutSeconds, LongSupplier nanoTime) {
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.loginTimeoutSeconds = loginTimeoutSeconds;
        this.idleNanos = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds);
        this.loginNanos = TimeUnit.SECONDS.toNanos(loginTimeoutSeconds);
        this.nanoTime = nanoTime;
    }

    /**
     * @param authenticating logged in, or a login/register is being answered (not cut off mid-way)
     * @return why the connection must go, or null while it may stay
     */
    ByeReason expired(long nowNanos, long connectedNanos, long lastRequestNanos, boolean authenticating) {
        if (nowNanos - lastRequestNanos > idleNanos) return ByeReason.IDLE;
        if (!authenticating && nowNanos - connectedNanos > loginNanos) return ByeReason.LOGIN_TIMEOUT;
        return null;
    }

    /** Says goodbye to every open subject past a deadline, with the reason and the limit it missed. */
    void sweep(Collection<? extends Subject> subjects) {
        long now = nanoTime.getAsLong();
        // A copy: saying goodbye may change the collection.
        for (Subject s : new ArrayList<>(subjects)) {
            if (s.closed()) continue;
            ByeReason expired = expired(now, s.connectedNanos(), s.lastRequestNanos(), s.authenticating());
            if (expired == ByeReason.IDLE) {
                s.bye(ByeReason.IDLE, "no request for " + idleTimeoutSeconds + " s");
            } else if (expired == ByeReason.LOGIN_TIMEOUT) {
                s.bye(ByeReason.LOGIN_TIMEOUT, "not logged in within " + loginTimeoutSeconds + " s");
            }
        }
    }

    /** How often to sweep: a quarter of the shorter timeout, between 1 and 5 s. */
    long sweepMillis() {
        return sweepMillis(idleTimeoutSeconds, loginTimeoutSeconds);
    }

    static long sweepMillis(int idleTimeoutSeconds, int loginTimeoutSeconds) {
        return Math.max(1000, Math.min(5000, Math.min(idleTimeoutSeconds, loginTimeoutSeconds) * 250L));
    }
}
