package dev.parley.service.presence.repair;

import dev.parley.logging.Audit;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.MemoryPresenceStore;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadNodeCleanupTest {
    private static final PresenceEntry ALICE = new PresenceEntry("alice", "Alice", "dead", "sa");
    private static final PresenceEntry BOB_MOVED = new PresenceEntry("bob", "Bob", "other", "sb2");
    private static final PresenceEntry CAROL = new PresenceEntry("carol", "Carol", "other", "sc");
    private static final PresenceEntry DAVE = new PresenceEntry("dave", null, "dead", "sd");

    private final MemoryPresenceStore presence = new MemoryPresenceStore();
    private final FakeNodeRegistry registry = new FakeNodeRegistry();
    private final ManualTimers timers = new ManualTimers();
    private final List<Delivery> announced = new ArrayList<>();
    private final List<Audit.Event> audited = new ArrayList<>();

    private DeadNodeCleanup cleanup(int fanoutMax) {
        return new DeadNodeCleanup("self", registry, presence, 30_000, new PresenceAnnouncer(fanoutMax, announced::add),
                timers, new Audit(audited::add));
    }

    private void online(PresenceEntry... entries) {
        for (PresenceEntry e : entries) presence.join(e);
        registry.registered.add("dead");
    }

    private static <T> T done(Future<T> f) {
        assertTrue(f.succeeded(), () -> "not completed successfully: " + f);
        return f.result();
    }

    @Test
    @DisplayName("the winner removes the dead node's users and announces only them offline, not users who moved to another node")
    void winnerRemovesOnlyUsersStillOnTheDeadNode() {
        online(ALICE, BOB_MOVED, CAROL, DAVE);

        List<PresenceEntry> removed = done(cleanup(100).cleanup("dead"));

        assertEquals(List.of(ALICE, DAVE), removed);
        assertEquals(List.of(PresenceChange.nodeLost("alice", "Alice"), PresenceChange.nodeLost("dave", null)), announced,
                "announced offline because their node died");
        assertEquals(BOB_MOVED, done(presence.get("bob")));
        assertEquals(CAROL, done(presence.get("carol")));
        assertEquals(2L, done(presence.count()));
        assertFalse(registry.registered.contains("dead"), "the dead node is forgotten");
        assertEquals(2, new JsonArray(registry.gone.get("dead")).size(), "the others can read who was removed");
        assertEquals(List.of(Audit.Event.NODE_DEAD), audited);
    }

    @Test
    @DisplayName("above presenceFanoutMax (counting the dead node's users) they are removed but not announced")
    void bigRoomsAreNotAnnounced() {
        online(ALICE, CAROL, DAVE);

        assertEquals(2, done(cleanup(2).cleanup("dead")).size());

        assertEquals(List.of(), announced);
        assertEquals(1L, done(presence.count()));
    }

    @Test
    @DisplayName("at exactly presenceFanoutMax online before the death, the departures are announced")
    void fanoutBoundIsInclusive() {
        online(ALICE, CAROL, DAVE);

        done(cleanup(3).cleanup("dead"));

        assertEquals(2, announced.size());
    }

    @Test
    @DisplayName("a survivor that lost the claim announces the winner's record, polling until it appears, and touches no entry")
    void loserAnnouncesTheWinnersRecord() {
        online(ALICE, CAROL);
        registry.claimed.add("dead");
        DeadNodeCleanup cleanup = cleanup(100);

        Future<List<PresenceEntry>> result = cleanup.cleanup("dead");
        assertFalse(result.isComplete(), "waits for the winner");
        assertEquals(List.of(DeadNodeCleanup.GONE_POLL_MILLIS), timers.delays());
        assertTrue(done(cleanup.cleanup("dead")).isEmpty(), "a second report of the same node while one runs is ignored");

        registry.gone.put("dead", new JsonArray().add(ALICE.toJson()).encode());
        timers.fireAll();

        assertEquals(List.of(ALICE), done(result));
        assertEquals(List.of(PresenceChange.nodeLost("alice", "Alice")), announced);
        assertEquals(2L, done(presence.count()), "removal is the winner's job");
    }

    @Test
    @DisplayName("a loser whose winner never records gives up after a bounded number of polls, announcing nobody")
    void loserGivesUp() {
        online(ALICE);
        registry.claimed.add("dead");

        Future<List<PresenceEntry>> result = cleanup(100).cleanup("dead");
        int polls = 0;
        while (timers.fireAll() > 0) polls++;

        assertEquals(DeadNodeCleanup.GONE_POLLS, polls);
        assertEquals(List.of(), done(result));
        assertEquals(List.of(), announced);
    }

    @Test
    @DisplayName("a node never cleans up after itself")
    void notItself() {
        presence.join(new PresenceEntry("me", "Me", "self", "s"));

        assertEquals(List.of(), done(cleanup(100).cleanup("self")));
        assertEquals(1L, done(presence.count()));
    }
}
