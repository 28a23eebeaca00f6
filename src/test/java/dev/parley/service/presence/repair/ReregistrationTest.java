package dev.parley.service.presence.repair;

import dev.parley.protocol.ByeReason;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.Kick;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.MemoryPresenceStore;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReregistrationTest {
    private final MemoryPresenceStore presence = new MemoryPresenceStore();
    private final List<Delivery> announced = new ArrayList<>();
    private final List<Delivery> toOwnNode = new ArrayList<>();
    private final List<PresenceEntry> live = new ArrayList<>();
    private int snapshots;

    private Reregistration reregistration() {
        return new Reregistration(presence, () -> {
            snapshots++;
            return List.copyOf(live);
        }, new PresenceAnnouncer(100, announced::add), toOwnNode::add, () -> false);
    }

    private static <T> T done(Future<T> f) {
        return f.result();
    }

    @Test
    @DisplayName("a missing session is put back and announced; one still listed is refreshed silently")
    void missingSessionsComeBack() {
        PresenceEntry alice = new PresenceEntry("alice", "Alice", "self", "s1");
        PresenceEntry bob = new PresenceEntry("bob", "Bob", "self", "s2");
        live.addAll(List.of(alice, bob));
        presence.join(bob);

        reregistration().run();

        assertEquals(alice, done(presence.get("alice")));
        assertEquals(bob, done(presence.get("bob")));
        assertEquals(List.of(new PresenceChange("alice", "Alice", true)), announced);
        assertEquals(List.of(), toOwnNode);
    }

    @Test
    @DisplayName("a user who logged in elsewhere meanwhile keeps the newer session; the old one here is kicked")
    void newerSessionWins() {
        PresenceEntry mine = new PresenceEntry("alice", "Alice", "self", "s1");
        PresenceEntry newer = new PresenceEntry("alice", "Alice", "other", "s9");
        live.add(mine);
        presence.join(newer);

        reregistration().run();

        assertEquals(newer, done(presence.get("alice")));
        assertEquals(List.of(new Kick("alice", "s1", ByeReason.REPLACED)), toOwnNode);
        assertEquals(List.of(), announced);
    }

    @Test
    @DisplayName("a run asked for while one is under way follows it, never overlaps it")
    void runsDoNotOverlap() {
        Promise<PresenceEntry> held = Promise.promise();
        Reregistration r = new Reregistration(new DelegatingStore(presence) {
            @Override
            public Future<PresenceEntry> get(String user) {
                return held.future();
            }
        }, () -> {
            snapshots++;
            return List.copyOf(live);
        }, new PresenceAnnouncer(100, announced::add), toOwnNode::add, () -> false);
        live.add(new PresenceEntry("alice", "Alice", "self", "s1"));

        r.run();
        r.run();
        r.run();
        assertEquals(1, snapshots, "the second run waits for the first");

        held.complete(null);
        assertEquals(2, snapshots, "the runs asked for meanwhile become one more run");
    }
}
