package dev.parley.gateway;

import dev.parley.service.delivery.PresenceChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the presence hold hands on, and when: a fake timer stands for the delivery verticle's. */
class PresenceHoldTest {
    private final List<List<String>> delivered = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();

    private PresenceHold hold(long windowMillis) {
        return new PresenceHold(windowMillis, (ms, action) -> {
            delays.add(ms);
            timers.add(action);
        }, batch -> delivered.add(batch.stream().map(PresenceChange::user).toList()));
    }

    private static PresenceChange online(String user) {
        return new PresenceChange(user, null, true);
    }

    @Test
    @DisplayName("changes within one window are handed on together, in order, when its timer fires")
    void oneBatchPerWindow() {
        PresenceHold h = hold(50);
        h.hold(online("a"));
        h.hold(online("b"));
        h.hold(online("c"));
        assertTrue(delivered.isEmpty());
        assertEquals(List.of(50L), delays, "one timer for the batch");
        timers.get(0).run();
        assertEquals(List.of(List.of("a", "b", "c")), delivered);
        h.hold(online("d"));
        assertEquals(2, timers.size(), "a new window for the next change");
        timers.get(1).run();
        assertEquals(List.of("d"), delivered.get(1));
    }

    @Test
    @DisplayName("a release before the timer hands on what is held; the late timer then finds nothing")
    void releasedEarly() {
        PresenceHold h = hold(50);
        h.hold(online("a"));
        h.release();
        assertEquals(List.of(List.of("a")), delivered);
        timers.get(0).run();
        h.release();
        assertEquals(1, delivered.size(), "nothing handed on twice, no empty batch");
    }

    @Test
    @DisplayName("a window of 0 hands each change on at once")
    void off() {
        PresenceHold h = hold(0);
        h.hold(online("a"));
        h.hold(online("b"));
        assertEquals(List.of(List.of("a"), List.of("b")), delivered);
        assertTrue(timers.isEmpty());
    }

    @Test
    @DisplayName("at most MAX_HELD wait: a bigger storm is handed on in batches of that size")
    void bounded() {
        PresenceHold h = hold(50);
        for (int i = 0; i < PresenceHold.MAX_HELD + 1; i++) h.hold(online("u" + i));
        assertEquals(1, delivered.size());
        assertEquals(PresenceHold.MAX_HELD, delivered.get(0).size());
        timers.get(timers.size() - 1).run();
        assertEquals(List.of("u" + PresenceHold.MAX_HELD), delivered.get(1));
    }
}
