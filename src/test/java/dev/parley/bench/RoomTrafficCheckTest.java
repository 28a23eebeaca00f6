package dev.parley.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rooms scenario's layout and delivery checker, fed a made-up delivery stream (no server). */
class RoomTrafficCheckTest {

    @Test
    @DisplayName("10 rooms of 10 with 5 rooms per user: 20 users, each in 5 distinct rooms, each room 10 distinct members")
    void layoutSeveralRoomsPerUser() {
        RoomLayout l = RoomLayout.of(10, 10, 5, 2, "x");
        assertEquals(20, l.users);
        int[] memberships = new int[l.users];
        for (int r = 0; r < l.rooms; r++) {
            Set<Integer> distinct = new HashSet<>();
            for (int u : l.members(r)) {
                distinct.add(u);
                memberships[u]++;
                assertTrue(contains(l.roomsOf(u), r), "user " + u + " knows it is in room " + r);
            }
            assertEquals(10, distinct.size());
        }
        for (int u = 0; u < l.users; u++) {
            assertEquals(5, memberships[u]);
            assertEquals(5, new HashSet<>(java.util.Arrays.stream(l.roomsOf(u)).boxed().toList()).size());
        }
        assertEquals(20, l.streams());
        for (int k = 0; k < l.streams(); k++) assertTrue(contains(l.streamsOf(l.streamUser(k)), k));
        assertEquals("#x-7", l.name(7));
    }

    @Test
    @DisplayName("one room per user: room r's members are r, r+R, r+2R ...; the default room has no name")
    void layoutOneRoomPerUser() {
        RoomLayout l = RoomLayout.of(3, 4, 1, 1, "y");
        assertArrayEquals(new int[]{1, 4, 7, 10}, l.members(1));
        assertArrayEquals(new int[]{2}, l.roomsOf(5));
        RoomLayout fanout = RoomLayout.defaultRoom(5, 2);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, fanout.members(0));
        assertEquals(null, fanout.name(0));
        assertArrayEquals(new int[]{1}, fanout.streamsOf(1));
    }

    @Test
    @DisplayName("every message to every other member once: nothing lost, doubled or misdelivered")
    void correctServer() {
        RoomLayout l = RoomLayout.of(2, 3, 1, 1, "z");
        DeliveryCheck check = new DeliveryCheck(l);
        SeqSet[] acked = ackedAll(l, 4);
        deliverAll(l, check, 4, -1);
        assertEquals(2 * 4 * 2, check.expected(acked));
        assertEquals(check.expected(acked), check.unique);
        assertEquals(0, check.lost(acked));
        assertEquals(0, check.duplicates);
        assertEquals(0, check.misdelivered);
    }

    @Test
    @DisplayName("a message of another room, or back to its sender, is a misdelivery; a second copy a duplicate; a gap is lost")
    void faults() {
        RoomLayout l = RoomLayout.of(2, 3, 1, 1, "z");
        DeliveryCheck check = new DeliveryCheck(l);
        SeqSet[] acked = ackedAll(l, 4);
        int skipped = l.members(0)[2];
        deliverAll(l, check, 4, skipped);
        assertEquals(4, check.lost(acked), "the 4 messages of room 0's sender never reached its third member");
        // Room 1's member receives room 0's stream: another room.
        assertEquals(DeliveryCheck.Outcome.MISDELIVERED, check.deliver(l.members(1)[1], 0, 0));
        // Room 0's sender receives its own message.
        assertEquals(DeliveryCheck.Outcome.MISDELIVERED, check.deliver(l.streamUser(0), 0, 1));
        assertEquals(2, check.misdelivered);
        assertEquals(DeliveryCheck.Outcome.DUPLICATE, check.deliver(l.members(0)[1], 0, 3));
        assertEquals(1, check.duplicates);
        assertEquals(4, check.lost(acked), "misdeliveries and duplicates do not make up for the loss");
    }

    private static SeqSet[] ackedAll(RoomLayout l, int messages) {
        SeqSet[] acked = new SeqSet[l.streams()];
        for (int k = 0; k < acked.length; k++) {
            acked[k] = new SeqSet();
            for (int s = 0; s < messages; s++) acked[k].add(s);
        }
        return acked;
    }

    /** Every stream's messages to every other member of its room, except to {@code skip}. */
    private static void deliverAll(RoomLayout l, DeliveryCheck check, int messages, int skip) {
        for (int k = 0; k < l.streams(); k++) {
            for (int receiver : l.members(l.streamRoom(k))) {
                if (receiver == l.streamUser(k) || receiver == skip) continue;
                for (int s = 0; s < messages; s++) assertEquals(DeliveryCheck.Outcome.NEW, check.deliver(receiver, k, s));
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }
}
