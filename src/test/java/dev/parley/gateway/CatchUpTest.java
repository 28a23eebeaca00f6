package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.PresenceEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatchUpTest {
    private static final Encoders ENCODERS = new Encoders();

    private final CatchUp catchUp = new CatchUp();
    /** What was released, as the connection would see it, in order. */
    private final List<String> out = new ArrayList<>();

    private static final String LOBBY = "#lobby";

    private static EncodedEvent group(long seq) {
        return inRoom(LOBBY, "g", seq);
    }

    private static EncodedEvent inRoom(String room, String prefix, long seq) {
        return new EncodedEvent(new MessageEvent(true, prefix + seq, "bob", "Bob", null, "hi " + seq, 0, false, room),
                room, seq, "bob", ENCODERS);
    }

    private static EncodedEvent privateMessage(String id) {
        return new EncodedEvent(new MessageEvent(false, id, "bob", "Bob", "ann", "psst", 0, false), null, ENCODERS);
    }

    private static EncodedEvent presence(String user) {
        return new EncodedEvent(new PresenceEvent(user, user, true), user, ENCODERS);
    }

    private static java.util.Map<String, Long> upTo(long seq) {
        return seq == 0 ? java.util.Map.of() : java.util.Map.of(LOBBY, seq);
    }

    /** The connection's side of a release: each held event is offered again, and written if still wanted. */
    private void deliver(EncodedEvent e) {
        if (catchUp.offer(e) == CatchUp.Verdict.WRITE) out.add(name(e));
    }

    private static String name(EncodedEvent e) {
        if (e.event instanceof MessageEvent m) return m.id();
        return "presence " + ((PresenceEvent) e.event).user();
    }

    @Test
    @DisplayName("while the replay runs, live events are held; then released in arrival order, confirmations after them")
    void heldDuringReplayThenReleasedInOrder() {
        catchUp.begin();
        catchUp.liveAfter(LOBBY, 10);
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(group(11)));
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(presence("cy")));
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(privateMessage("p1")));
        catchUp.holdConfirmation(() -> out.add("confirm p1"));
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(group(12)));
        assertTrue(out.isEmpty(), "nothing written while holding");

        catchUp.caughtUp(upTo(10), this::deliver, r -> r.run());

        assertEquals(List.of("g11", "presence cy", "p1", "g12", "confirm p1"), out);
        assertFalse(catchUp.holding());
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(group(13)), "live from now on");
    }

    @Test
    @DisplayName("at the boundary, group messages the replay already showed are dropped, live or held")
    void duplicatesAtTheBoundaryDropped() {
        catchUp.begin();
        catchUp.liveAfter(LOBBY, 10);
        // The history head was read at 10, but the replay (read a little later) reached 12.
        catchUp.offer(group(11));
        catchUp.offer(group(12));
        catchUp.offer(group(13));
        catchUp.caughtUp(upTo(12), this::deliver, Runnable::run);
        assertEquals(List.of("g13"), out, "11 and 12 were in the replay");

        assertEquals(CatchUp.Verdict.DUPLICATE, catchUp.offer(group(12)), "a late live copy of a replayed message");
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(group(14)));
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(privateMessage("p2")), "private messages carry no seq");
    }

    @Test
    @DisplayName("the last-seen position: the head at login, then each group message given or sent while live")
    void lastGroupSeq() {
        catchUp.begin();
        catchUp.liveAfter(LOBBY, 10);
        assertEquals(10, catchUp.lastSeq(LOBBY), "everything up to the head is replayed");
        catchUp.seenOwn(LOBBY, 15);
        assertEquals(10, catchUp.lastSeq(LOBBY), "own messages count only once live");
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        catchUp.offer(group(16));
        assertEquals(16, catchUp.lastSeq(LOBBY));
        catchUp.seenOwn(LOBBY, 17);
        assertEquals(17, catchUp.lastSeq(LOBBY), "own message: not shown back, but seen");
        catchUp.seenOwn(LOBBY, 0);
        catchUp.offer(group(12));
        assertEquals(17, catchUp.lastSeq(LOBBY), "never goes back");
    }

    @Test
    @DisplayName("past the held-event limit the reader is too slow: OVERFLOW, and nothing more is held")
    void overflow() {
        catchUp.begin();
        for (int i = 0; i < CatchUp.MAX_HELD_EVENTS; i++) {
            assertEquals(CatchUp.Verdict.HELD, catchUp.offer(presence("u" + i)));
        }
        assertEquals(CatchUp.Verdict.OVERFLOW, catchUp.offer(presence("one too many")));
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        assertEquals(CatchUp.MAX_HELD_EVENTS, out.size());
    }

    @Test
    @DisplayName("caught up twice, or without having begun, releases nothing; an abandoned login drops what was held")
    void releaseOnlyOnce() {
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        assertTrue(out.isEmpty());
        catchUp.begin();
        catchUp.offer(presence("cy"));
        catchUp.holdConfirmation(() -> out.add("confirm"));
        catchUp.abandon();
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        assertTrue(out.isEmpty(), "held events and confirmations of an abandoned login never run");

        catchUp.begin();
        catchUp.offer(presence("di"));
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        assertEquals(List.of("presence di"), out);
    }

    @Test
    @DisplayName("each room has its own sequence: a replayed seq of one room does not drop another room's message")
    void duplicatesArePerRoom() {
        catchUp.begin();
        catchUp.liveAfter(LOBBY, 10);
        catchUp.liveAfter("#dev", 3);
        catchUp.offer(group(11));
        catchUp.offer(inRoom("#dev", "d", 4));
        catchUp.offer(inRoom("#dev", "d", 5));
        catchUp.caughtUp(java.util.Map.of(LOBBY, 11L, "#dev", 4L), this::deliver, Runnable::run);
        assertEquals(List.of("d5"), out, "g11 and d4 were replayed; d5 was not");
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(inRoom("#ops", "o", 1)), "a room without a replay");
        assertEquals(java.util.Map.of(LOBBY, 11L, "#dev", 5L, "#ops", 1L), catchUp.positions());
    }

    @Test
    @DisplayName("joining mid-session: the room's events wait for the join's head, older ones dropped, later ones in order")
    void joiningMidSession() {
        catchUp.begin();
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        catchUp.joining("#dev");
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(inRoom("#dev", "d", 7)));
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(group(1)), "other rooms flow meanwhile");
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(inRoom("#dev", "d", 9)));
        catchUp.joined("#dev", 8, this::deliver);
        assertEquals(List.of("d9"), out, "7 came before the join");
        assertEquals(9, catchUp.lastSeq("#dev"));
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(inRoom("#dev", "d", 10)));
    }

    @Test
    @DisplayName("a failed join or a part drops the room's waiting events and its read position")
    void leftRoomForgotten() {
        catchUp.begin();
        catchUp.caughtUp(upTo(0), this::deliver, Runnable::run);
        catchUp.joining("#dev");
        catchUp.offer(inRoom("#dev", "d", 7));
        catchUp.left("#dev");
        assertTrue(out.isEmpty());
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(inRoom("#ops", "o", 2)));
        catchUp.left("#ops");
        assertEquals(java.util.Map.of(), catchUp.positions(), "no position saved for rooms left");
    }
}
