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
import static org.junit.jupiter.api.Assertions.assertNull;

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
    @DisplayName("a session taken over by a login whose kick was lost in a split, and which has logged out since, is "
            + "ended with bye REPLACED, not put back (long run 3's lost message)")
    void replacedSessionIsNotPutBackAfterTheNewerOneLeft() {
        PresenceEntry mine = new PresenceEntry("u05", "U05", "self", "s3953");
        PresenceEntry newer = new PresenceEntry("u05", "U05", "other", "s3968");
        live.add(mine);
        presence.join(mine);
        // Across the split: the other node's JOIN replaces the entry (its kick for s3953 is dropped: nobody
        // delivers it here), then that session logs out.
        assertEquals(mine, done(presence.join(newer)));
        assertEquals(newer, done(presence.leave("u05", "s3968")));

        // The halves merge and this node re-checks its sessions: s3953 is live and the user is listed nowhere.
        reregistration().run();

        assertNull(done(presence.get("u05")), "the replaced session stays out of presence");
        assertEquals(List.of(new Kick("u05", "s3953", ByeReason.REPLACED)), toOwnNode, "and is ended as the kick would have");
        assertEquals(List.of(), announced, "nobody is told u05 came back");
    }

    @Test
    @DisplayName("a run asked for while one is under way follows it, never overlaps it")
    void runsDoNotOverlap() {
        Promise<Void> held = Promise.promise();
        Reregistration r = new Reregistration(new DelegatingStore(presence) {
            @Override
            public Future<Rejoin> rejoin(PresenceEntry entry) {
                return held.future().compose(v -> super.rejoin(entry));
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

        held.complete();
        assertEquals(4, snapshots, "the runs asked for meanwhile become one more run (each reads the sessions at its start and end)");
    }

    @Test
    @DisplayName("a session that closes while it is being re-registered (its LEAVE landing first) is removed again, not left as a ghost")
    void sessionClosedDuringTheRunLeavesNoGhost() {
        PresenceEntry alice = new PresenceEntry("alice", "Alice", "self", "s1");
        PresenceEntry bob = new PresenceEntry("bob", "Bob", "self", "s2");
        live.addAll(List.of(alice, bob));
        Reregistration r = new Reregistration(new DelegatingStore(presence) {
            @Override
            public Future<Rejoin> rejoin(PresenceEntry entry) {
                if (entry.equals(alice)) {
                    // The node resumes and closes alice's connection: gone from the sessions, its LEAVE
                    // reaches the store first (and removes nothing), then the run's rejoin lands.
                    live.remove(alice);
                    presence.leave(alice.user(), alice.session());
                }
                return super.rejoin(entry);
            }
        }, () -> List.copyOf(live), new PresenceAnnouncer(100, announced::add), toOwnNode::add, () -> false);

        r.run();

        assertNull(done(presence.get("alice")), "no ghost");
        assertEquals(bob, done(presence.get("bob")));
        assertEquals(List.of(new PresenceChange("alice", "Alice", true), new PresenceChange("bob", "Bob", true),
                new PresenceChange("alice", "Alice", false)), announced);
    }
}
