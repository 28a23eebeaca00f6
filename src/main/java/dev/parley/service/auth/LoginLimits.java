package dev.parley.service.auth;

import dev.parley.config.ParleyConfig;
import dev.parley.store.CounterStore.Limit;

import java.util.List;

/**
 * The login throttle's policy. Every attempt is counted when it is admitted, before its password is checked,
 * so parallel guesses cannot all pass. A guesser's own address is blocked (per user from that address, and
 * per address); a user under attack from many addresses is only slowed down, never locked, so an attacker
 * cannot lock a victim out. A successful login gives its attempt back.
 */
final class LoginLimits {
    /** Indexes of {@link #limits}' counters, as reported by an admission. */
    static final int BY_ADDRESS = 0;
    static final int BY_USER_AT_ADDRESS = 1;
    static final int BY_USER = 2;

    private final long perUserAddress;
    private final long perAddress;
    private final long windowMillis;
    private final long slowdownAfter;
    private final long slowdownBaseMs;
    private final long slowdownMaxMs;

    LoginLimits(ParleyConfig.Auth c) {
        this.perUserAddress = c.loginAttemptsPerUserAddress();
        this.perAddress = c.loginAttemptsPerAddress();
        this.windowMillis = c.loginWindow().toMillis();
        this.slowdownAfter = c.loginSlowdownAfter();
        this.slowdownBaseMs = c.loginSlowdownBaseMs();
        this.slowdownMaxMs = c.loginSlowdownMaxMs();
    }

    /** In the order of the BY_* indexes. User ids cannot contain '|', so the pair key is unambiguous. */
    List<Limit> limits(String user, String address) {
        return List.of(
                new Limit("login:a:" + address, perAddress, windowMillis),
                new Limit("login:ua:" + user + "|" + address, perUserAddress, windowMillis),
                new Limit("login:u:" + user, 0, windowMillis));
    }

    List<String> keys(String user, String address) {
        return limits(user, address).stream().map(Limit::key).toList();
    }

    /** How long the n-th attempt on a user in the window waits: nothing up to slowdownAfter, then doubling, capped. */
    long delayMillis(long userAttempts) {
        long over = userAttempts - slowdownAfter;
        if (over <= 0 || slowdownMaxMs == 0) return 0;
        if (over > 30) return slowdownMaxMs;
        return Math.min(slowdownMaxMs, slowdownBaseMs << (over - 1));
    }

    static String refusal(int refusedBy) {
        return refusedBy == BY_ADDRESS
                ? "too many login attempts from your address; wait a minute"
                : "too many login attempts for this user from your address; wait a minute";
    }
}
