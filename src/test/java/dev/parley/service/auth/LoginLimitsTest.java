package dev.parley.service.auth;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.CounterStore;
import dev.parley.store.MemoryCounterStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login policy with the shipped defaults, on in-memory counters and a fake clock. */
class LoginLimitsTest {
    private final ParleyConfig.Auth defaults = ParleyConfig.from(ConfigLoader.defaults()).auth();
    private final LoginLimits policy = new LoginLimits(defaults);
    private final AtomicLong now = new AtomicLong(5_000_000);
    private final MemoryCounterStore counters = new MemoryCounterStore(now::get);

    private CounterStore.Admission attempt(String user, String address) {
        return counters.acquire(policy.limits(user, address)).result();
    }

    @Test
    @DisplayName("61 attempts admitted at once from one address on one user: only 5 pass, the rest are refused for the pair")
    void parallelGuessesAreCountedOnAdmission() {
        List<CounterStore.Admission> all = new ArrayList<>();
        for (int i = 0; i < 61; i++) all.add(attempt("victim", "10.0.0.66"));
        assertEquals(5, all.stream().filter(CounterStore.Admission::admitted).count());
        assertTrue(all.stream().filter(a -> !a.admitted()).allMatch(a -> a.refusedBy() == LoginLimits.BY_USER_AT_ADDRESS));
    }

    @Test
    @DisplayName("an attacker's address is blocked; the victim from a clean address still gets in")
    void lockoutIsNotAWeapon() {
        for (int i = 0; i < 5; i++) assertTrue(attempt("victim", "10.0.0.66").admitted());
        for (int i = 0; i < 15; i++) assertTrue(attempt("other" + i, "10.0.0.66").admitted());
        CounterStore.Admission blocked = attempt("someone", "10.0.0.66");
        assertEquals(LoginLimits.BY_ADDRESS, blocked.refusedBy(), "20 per address");
        CounterStore.Admission victim = attempt("victim", "192.0.2.7");
        assertTrue(victim.admitted());
        assertEquals(0, policy.delayMillis(victim.counts()[LoginLimits.BY_USER]), "6 attempts on the user: no delay yet");
        now.addAndGet(defaults.loginWindow().toMillis());
        assertTrue(attempt("someone", "10.0.0.66").admitted(), "the block lasts one window");
    }

    @Test
    @DisplayName("attempts on one user from many addresses are slowed down with doubling delays, never refused")
    void distributedGuessingIsSlowedNotBlocked() {
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            CounterStore.Admission a = attempt("victim", "10.1.0." + i);
            assertTrue(a.admitted(), "attempt " + i);
            delays.add(policy.delayMillis(a.counts()[LoginLimits.BY_USER]));
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
                500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L, 10000L, 10000L, 10000L), delays);
    }

    @Test
    @DisplayName("a successful login gives its attempts back, so a user who reconnects often is never refused")
    void successGivesBack() {
        for (int i = 0; i < 50; i++) {
            assertTrue(attempt("busy", "10.0.0.1").admitted(), "login " + i);
            counters.release(policy.keys("busy", "10.0.0.1"));
        }
        assertFalse(policy.delayMillis(attempt("busy", "10.0.0.1").counts()[LoginLimits.BY_USER]) > 0);
    }
}
