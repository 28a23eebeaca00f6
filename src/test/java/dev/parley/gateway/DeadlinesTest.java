package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeadlinesTest {
    private static final long S = 1_000_000_000L;

    @Test
    @DisplayName("not logged in after the login timeout -> LOGIN_TIMEOUT, even while it sends requests")
    void loginTimeout() {
        Deadlines d = new Deadlines(300, 30);
        assertNull(d.expired(30 * S, 0, 29 * S, false));
        assertEquals(ByeReason.LOGIN_TIMEOUT, d.expired(31 * S, 0, 30 * S, false));
        assertNull(d.expired(31 * S, 0, 30 * S, true), "logged in (or logging in): no login deadline");
    }

    @Test
    @DisplayName("no complete request for the idle timeout -> IDLE, logged in or not")
    void idle() {
        Deadlines d = new Deadlines(10, 30);
        assertNull(d.expired(10 * S, 0, 0, true));
        assertEquals(ByeReason.IDLE, d.expired(11 * S, 0, 0, true));
        assertEquals(ByeReason.IDLE, d.expired(11 * S, 0, 0, false));
        assertNull(d.expired(100 * S, 0, 95 * S, true));
    }

    @Test
    @DisplayName("the sweep runs at a quarter of the shorter timeout, within 1-5 s")
    void sweep() {
        assertEquals(1000, Deadlines.sweepMillis(1, 30));
        assertEquals(1000, Deadlines.sweepMillis(300, 2));
        assertEquals(5000, Deadlines.sweepMillis(300, 30));
        assertEquals(2500, Deadlines.sweepMillis(10, 30));
    }
}
