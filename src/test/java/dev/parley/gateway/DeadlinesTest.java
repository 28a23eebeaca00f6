package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeadlinesTest {
    private static final long S = 1_000_000_000L;
    private long now;

    /** A connection as the deadlines see it: its activity on the fake clock, and the goodbye it got. */
    private class Conn implements Deadlines.Subject {
        final long connectedNanos = now;
        long lastRequestNanos = now;
        boolean authenticating;
        ByeReason bye;
        String message;

        @Override
        public boolean closed() {
            return bye != null;
        }

        @Override
        public long connectedNanos() {
            return connectedNanos;
        }

        @Override
        public long lastRequestNanos() {
            return lastRequestNanos;
        }

        void requestArrived() {
            lastRequestNanos = now;
        }

        @Override
        public boolean authenticating() {
            return authenticating;
        }

        @Override
        public void bye(ByeReason reason, String message) {
            this.bye = reason;
            this.message = message;
        }
    }

    @Test
    @DisplayName("not logged in after the login timeout -> LOGIN_TIMEOUT, even while it sends requests")
    void loginTimeout() {
        Deadlines d = new Deadlines(300, 30, () -> now);
        assertNull(d.expired(30 * S, 0, 29 * S, false));
        assertEquals(ByeReason.LOGIN_TIMEOUT, d.expired(31 * S, 0, 30 * S, false));
        assertNull(d.expired(31 * S, 0, 30 * S, true), "logged in (or logging in): no login deadline");
    }

    @Test
    @DisplayName("no complete request for the idle timeout -> IDLE, logged in or not")
    void idle() {
        Deadlines d = new Deadlines(10, 30, () -> now);
        assertNull(d.expired(10 * S, 0, 0, true));
        assertEquals(ByeReason.IDLE, d.expired(11 * S, 0, 0, true));
        assertEquals(ByeReason.IDLE, d.expired(11 * S, 0, 0, false));
        assertNull(d.expired(100 * S, 0, 95 * S, true));
    }

    @Test
    @DisplayName("on a fake clock: a logged-in connection silent past the idle timeout is said goodbye, a talking one stays")
    void idleSweepOnFakeClock() {
        Deadlines d = new Deadlines(10, 30, () -> now);
        Conn silent = new Conn();
        Conn talking = new Conn();
        silent.authenticating = talking.authenticating = true;
        List<Conn> all = List.of(silent, talking);

        now = 6 * S;
        talking.requestArrived();
        d.sweep(all);
        assertNull(silent.bye, "6 s of silence is within 10 s");

        now = 10 * S;
        d.sweep(all);
        assertNull(silent.bye, "exactly the timeout is still allowed");

        now = 10 * S + 1;
        d.sweep(all);
        assertEquals(ByeReason.IDLE, silent.bye);
        assertEquals("no request for 10 s", silent.message);
        assertNull(talking.bye, "its last request was 4 s ago");

        now = 16 * S + 1;
        d.sweep(all);
        assertEquals(ByeReason.IDLE, talking.bye);
    }

    @Test
    @DisplayName("on a fake clock: requests keep an anonymous connection from idling, not from the login timeout")
    void loginSweepOnFakeClock() {
        Deadlines d = new Deadlines(300, 30, () -> now);
        Conn anonymous = new Conn();
        Conn loggingIn = new Conn();
        loggingIn.authenticating = true;
        for (int s = 5; s <= 30; s += 5) {
            now = s * S;
            anonymous.requestArrived();
            d.sweep(List.of(anonymous, loggingIn));
        }
        assertNull(anonymous.bye);
        now = 30 * S + 1;
        d.sweep(List.of(anonymous, loggingIn));
        assertEquals(ByeReason.LOGIN_TIMEOUT, anonymous.bye);
        assertEquals("not logged in within 30 s", anonymous.message);
        assertNull(loggingIn.bye, "a login under way is not cut off");
    }

    @Test
    @DisplayName("a connection already closed is skipped, and saying goodbye may change the swept collection")
    void sweepSkipsClosedAndCopes() {
        Deadlines d = new Deadlines(1, 30, () -> now);
        List<Conn> all = new ArrayList<>();
        Conn gone = new Conn();
        gone.bye(ByeReason.SHUTDOWN, null);
        Conn idle = new Conn() {
            @Override
            public void bye(ByeReason reason, String message) {
                super.bye(reason, message);
                all.remove(this);
            }
        };
        all.add(gone);
        all.add(idle);
        now = 2 * S;
        d.sweep(all);
        assertEquals(ByeReason.SHUTDOWN, gone.bye, "not said goodbye twice");
        assertEquals(ByeReason.IDLE, idle.bye);
        assertEquals(List.of(gone), all);
    }

    @Test
    @DisplayName("the sweep runs at a quarter of the shorter timeout, within 1-5 s")
    void sweep() {
        assertEquals(1000, Deadlines.sweepMillis(1, 30));
        assertEquals(1000, Deadlines.sweepMillis(300, 2));
        assertEquals(5000, Deadlines.sweepMillis(300, 30));
        assertEquals(2500, Deadlines.sweepMillis(10, 30));
        assertEquals(2500, new Deadlines(10, 30, () -> now).sweepMillis());
    }
}
