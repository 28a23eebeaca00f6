package dev.parley.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    private static List<Long> delays(Backoff backoff, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(backoff.nextDelayMillis());
        }
        return out;
    }

    @Test
    @DisplayName("delays double from 0.5 s and stop at 10 s")
    void doublesUpToCap() {
        Backoff backoff = new Backoff(500, 10_000, 0.2, () -> 0.0);
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L), delays(backoff, 7));
    }

    @Test
    @DisplayName("reset starts again from the initial delay")
    void resets() {
        Backoff backoff = new Backoff(500, 10_000, 0.2, () -> 0.0);
        delays(backoff, 4);
        backoff.reset();
        assertEquals(List.of(500L, 1000L), delays(backoff, 2));
    }

    @Test
    @DisplayName("jitter only ever shortens a delay, by at most the given fraction")
    void jitterShortens() {
        Backoff backoff = new Backoff(500, 10_000, 0.2, () -> 1.0);
        assertEquals(List.of(400L, 800L, 1600L, 3200L, 6400L, 8000L), delays(backoff, 6));
    }

    @Test
    @DisplayName("the standard policy stays within 0.4 s to 10 s")
    void standardBounds() {
        Backoff backoff = Backoff.standard();
        for (long delay : delays(backoff, 20)) {
            if (delay < 400 || delay > 10_000) {
                throw new AssertionError("delay out of bounds: " + delay);
            }
        }
    }

    @Test
    @DisplayName("nonsense bounds are refused")
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, 0, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10, 0, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 1000, 1, () -> 0));
    }
}
