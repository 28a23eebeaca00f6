package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionTest {
    private long now;

    private Admission admission(int perSecond, int burst, int maxInFlight) {
        return new Admission(new Admission.Limits(perSecond, burst, maxInFlight, () -> now));
    }

    @Test
    @DisplayName("only admitted requests are in flight: refusals take no slot and give none back")
    void refusalsAreNotInFlight() {
        Admission a = admission(1, 3, 64);
        for (int i = 0; i < 3; i++) assertEquals(Admission.Verdict.ADMITTED, a.admit());
        for (int i = 0; i < 10; i++) assertEquals(Admission.Verdict.RATE_LIMITED, a.admit());
        assertEquals(3, a.inFlight(), "10 refusals did not change the count");
        assertTrue(a.answered());
        assertTrue(a.answered());
        assertTrue(a.answered());
        assertEquals(0, a.inFlight());
        assertFalse(a.answered(), "a reply with nothing admitted gives nothing back and never goes negative");
        assertEquals(0, a.inFlight());
    }

    @Test
    @DisplayName("an invalid line costs a token like a request; with none left the caller must close, not answer")
    void invalidLinesCostTokens() {
        Admission a = admission(10, 5, 64);
        for (int i = 0; i < 5; i++) assertTrue(a.chargeInvalid());
        assertFalse(a.chargeInvalid());
        assertEquals(Admission.Verdict.RATE_LIMITED, a.admit(), "garbage used up the requests' budget");
        assertEquals(0, a.inFlight(), "invalid lines are never in flight");
        now += TimeUnit.MILLISECONDS.toNanos(100);   // one token at 10/s
        assertTrue(a.chargeInvalid());
        assertFalse(a.chargeInvalid());
    }

    @Test
    @DisplayName("reading stops at the in-flight cap and resumes at half of it")
    void pauseAndResume() {
        Admission a = admission(1000, 1000, 8);
        for (int i = 0; i < 7; i++) a.admit();
        assertFalse(a.full());
        a.admit();
        assertTrue(a.full());
        for (int i = 0; i < 3; i++) a.answered();
        assertFalse(a.drained(), "5 owed");
        a.answered();
        assertTrue(a.drained(), "4 owed = half");
    }

    @Test
    @DisplayName("the rate limit allows its burst, refuses the next, and refills with time")
    void tokenBucket() {
        Admission a = admission(10, 3, 64);
        assertTrue(a.chargeInvalid());
        assertTrue(a.chargeInvalid());
        assertTrue(a.chargeInvalid());
        assertFalse(a.chargeInvalid());
        now += TimeUnit.MILLISECONDS.toNanos(100);
        assertTrue(a.chargeInvalid(), "one token after 100 ms at 10/s");
        assertFalse(a.chargeInvalid());
        now += TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < 3; i++) assertTrue(a.chargeInvalid());
        assertFalse(a.chargeInvalid(), "never more than the burst");
    }
}
