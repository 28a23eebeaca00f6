package dev.parley.service.presence;

import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.store.PresenceEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PresenceAnnouncerTest {
    private static final PresenceEntry ALICE = new PresenceEntry("alice", "Alice", "n1", "s1");
    private static final PresenceEntry BOB = new PresenceEntry("bob", null, "n2", "s2");

    private final List<Delivery> sent = new ArrayList<>();
    private final PresenceAnnouncer announcer = new PresenceAnnouncer(3, sent::add);

    @Test
    @DisplayName("an arrival is announced while the users online, the newcomer included, are at most presenceFanoutMax")
    void arrivals() {
        announcer.arrived(ALICE, 3);
        assertEquals(List.of(new PresenceChange("alice", "Alice", true)), sent);

        announcer.arrived(BOB, 4);
        assertEquals(1, sent.size(), "a fourth user online is not pushed to everyone");
    }

    @Test
    @DisplayName("departures count the leavers in: the same room size decides as for arrivals")
    void departures() {
        announcer.left(List.of(ALICE, BOB), 1);
        assertEquals(List.of(new PresenceChange("alice", "Alice", false), new PresenceChange("bob", null, false)), sent);

        sent.clear();
        announcer.left(List.of(ALICE, BOB), 2);
        assertEquals(List.of(), sent, "four were online before they left");

        announcer.left(List.of(), 0);
        assertEquals(List.of(), sent);
    }

    @Test
    @DisplayName("another destination keeps the same rule")
    void otherSink() {
        List<Delivery> local = new ArrayList<>();
        PresenceAnnouncer toLocal = announcer.to(local::add);

        toLocal.arrived(ALICE, 4);
        toLocal.arrived(ALICE, 2);

        assertEquals(List.of(new PresenceChange("alice", "Alice", true)), local);
        assertEquals(List.of(), sent);
    }

    @Test
    @DisplayName("with rooms, every arrival and departure goes to the rooms hook, saying whether the default room's rule lets it hear it")
    void withRooms() {
        List<String> heard = new ArrayList<>();
        PresenceAnnouncer rooms = announcer.withRooms((e, online, toDefault) -> {
            heard.add(e.user() + " " + online + " " + toDefault);
            return io.vertx.core.Future.succeededFuture();
        });
        rooms.arrived(ALICE, 3);
        rooms.arrived(BOB, 4);
        rooms.left(List.of(ALICE, BOB), 1);
        rooms.left(List.of(ALICE), 3);
        assertEquals(List.of("alice true true", "bob true false", "alice false true", "bob false true", "alice false false"), heard);
        assertEquals(List.of(), sent, "the hook tells the default room itself");

        List<Delivery> local = new ArrayList<>();
        rooms.to(local::add).arrived(ALICE, 1);
        assertEquals(List.of(new PresenceChange("alice", "Alice", true)), local, "another destination has no rooms");
    }
}
