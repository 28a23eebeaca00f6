package dev.parley.service.presence.repair;

import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.MemoryPresenceStore;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaleSweepTest {
    private final MemoryPresenceStore presence = new MemoryPresenceStore();
    private final ManualTimers timers = new ManualTimers();
    private final List<Delivery> announced = new ArrayList<>();
    /** The sessions this node really holds. */
    private final List<PresenceEntry> live = new ArrayList<>();

    private StaleSweep sweep(int fanoutMax) {
        return new StaleSweep("self", presence, () -> List.copyOf(live), new PresenceAnnouncer(fanoutMax, announced::add),
                timers, () -> false);
    }

    private static <T> T done(Future<T> f) {
        assertTrue(f.succeeded(), () -> "not completed successfully: " + f);
        return f.result();
    }

    @Test
    @DisplayName("entries naming this node without a live session are removed and announced; live ones and other nodes' stay")
    void leftoversAreRemoved() {
        PresenceEntry liveHere = new PresenceEntry("alice", "Alice", "self", "s1");
        PresenceEntry staleHere = new PresenceEntry("bob", "Bob", "self", "s2");
        PresenceEntry elsewhere = new PresenceEntry("carol", "Carol", "other", "s3");
        live.add(liveHere);
        for (PresenceEntry e : List.of(liveHere, staleHere, elsewhere)) presence.join(e);

        assertEquals(1, done(sweep(100).now()));

        assertNull(done(presence.get("bob")));
        assertEquals(2L, done(presence.count()));
        assertEquals(List.of(new PresenceChange("bob", "Bob", false)), announced);
    }

    @Test
    @DisplayName("a lost departure is settled: removed if still there, announced even if already gone, left alone if the user is back elsewhere")
    void lostDeparturesAreSettled() {
        PresenceEntry alice = new PresenceEntry("alice", "Alice", "self", "s1");
        PresenceEntry bobOld = new PresenceEntry("bob", "Bob", "self", "s2");
        PresenceEntry bobNew = new PresenceEntry("bob", "Bob", "other", "s9");
        PresenceEntry carol = new PresenceEntry("carol", "Carol", "self", "s3");
        presence.join(alice);
        presence.join(bobNew);
        StaleSweep sweep = sweep(100);
        sweep.departureLost(alice);
        sweep.departureLost(bobOld);
        sweep.departureLost(carol);

        assertEquals(List.of(StaleSweep.DELAY_MILLIS), timers.delays(), "one debounced sweep for many departures");
        timers.fireAll();

        assertNull(done(presence.get("alice")));
        assertEquals(bobNew, done(presence.get("bob")));
        assertEquals(List.of(new PresenceChange("alice", "Alice", false), new PresenceChange("carol", "Carol", false)),
                announced);
        assertEquals(List.of(), timers.delays(), "nothing left to retry");
    }

    @Test
    @DisplayName("above presenceFanoutMax (counting those removed) stale entries are removed silently")
    void bigRoomsAreNotAnnounced() {
        for (int i = 0; i < 3; i++) presence.join(new PresenceEntry("u" + i, "U" + i, "self", "s" + i));
        presence.join(new PresenceEntry("x", "X", "other", "sx"));

        assertEquals(3, done(sweep(3).now()));

        assertEquals(List.of(), announced);
        assertEquals(1L, done(presence.count()));
    }

    @Test
    @DisplayName("a lost departure whose settling fails (Redis still busy) is kept, swept again later and then announced")
    void failedSettlingIsRetried() {
        boolean[] busy = {true};
        // Its LEAVE did run in Redis after timing out here: no leftover entry would remind the sweep of it.
        PresenceEntry alice = new PresenceEntry("alice", "Alice", "self", "s1");
        StaleSweep sweep = new StaleSweep("self", new DelegatingStore(presence) {
            @Override
            public Future<PresenceEntry> get(String user) {
                return busy[0] ? Future.failedFuture("pool busy") : super.get(user);
            }
        }, () -> List.copyOf(live), new PresenceAnnouncer(100, announced::add), timers, () -> false);
        sweep.departureLost(alice);

        timers.fireAll();
        assertEquals(List.of(StaleSweep.DELAY_MILLIS), timers.delays(), "swept again later");
        assertEquals(List.of(), announced);

        busy[0] = false;
        timers.fireAll();
        assertEquals(List.of(new PresenceChange("alice", "Alice", false)), announced);
    }
}
