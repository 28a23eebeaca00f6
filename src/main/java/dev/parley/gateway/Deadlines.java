package dev.parley.gateway;

import dev.parley.protocol.ByeReason;

import java.util.concurrent.TimeUnit;

/**
 * The two clocks a connection must beat: log in within the login timeout of connecting, and send a
 * complete request (a whole line or frame, not any byte) within the idle timeout of the last one.
 */
final class Deadlines {
    private final long idleNanos;
    private final long loginNanos;

    Deadlines(int idleTimeoutSeconds, int loginTimeoutSeconds) {
        this.idleNanos = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds);
        this.loginNanos = TimeUnit.SECONDS.toNanos(loginTimeoutSeconds);
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

    /** How often to check: a quarter of the shorter timeout, between 1 and 5 s. */
    static long sweepMillis(int idleTimeoutSeconds, int loginTimeoutSeconds) {
        return Math.max(1000, Math.min(5000, Math.min(idleTimeoutSeconds, loginTimeoutSeconds) * 250L));
    }
}
