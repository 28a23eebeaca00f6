package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.store.StoredMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which messages a routing-gap fill delivers ({@link GapFill#select}, with {@link CatchUp}'s record of live ones). */
class GapFillTest {
    private static final Encoders ENCODERS = new Encoders();
    private static final String ROOM = "#race";

    private final CatchUp catchUp = new CatchUp();
    private final List<Long> written = new ArrayList<>();

    private static StoredMessage stored(long seq, String from) {
        return new StoredMessage("m" + seq, from, from, null, "hi " + seq, 1000 + seq, seq);
    }

    private static EncodedEvent live(long seq, String from) {
        return new EncodedEvent(new MessageEvent(true, "m" + seq, from, from, null, "hi " + seq, 1000 + seq, false, ROOM),
                ROOM, seq, from, ENCODERS);
    }

    /** As {@link Connection#deliver}: the session's own messages are seen, not written. */
    private void deliver(EncodedEvent e) {
        if ("ann".equals(e.except)) {
            catchUp.seenOwn(e.room, e.seq);
            return;
        }
        if (catchUp.offer(e) == CatchUp.Verdict.WRITE) written.add(e.seq);
    }

    private static List<Long> seqs(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::seq).toList();
    }

    @Test
    @DisplayName("select: after the start head, not delivered live, not one's own, once each, oldest first")
    void select() {
        List<StoredMessage> fetched = List.of(stored(9, "bob"), stored(10, "bob"), stored(11, "bob"), stored(12, "ann"),
                stored(14, "bob"), stored(13, "bob"), stored(11, "bob"));
        assertEquals(List.of(11L, 13L), seqs(GapFill.select(10, Set.of(14L), "ann", fetched)));
        assertEquals(List.of(), seqs(GapFill.select(14, Set.of(), "ann", fetched)), "nothing after the head");
        assertEquals(List.of(), seqs(GapFill.select(10, Set.of(), "ann", List.of())), "nothing said");
        assertEquals(14, GapFill.newest(10, fetched));
        assertEquals(10, GapFill.newest(10, List.of()));
    }

    @Test
    @DisplayName("a join through a new consumer: the messages missed live are filled, a newer live one is not repeated, and late live copies are dropped")
    void joinGapFilled() {
        catchUp.joining(ROOM);
        // Arrived while the join was under way: 10 precedes the join, 11 waits for its reply.
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(live(10, "bob")));
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(live(11, "bob")));
        // As RoomCommands.join: the gap is opened before the waiting events are released.
        GapFill.Gap gap = catchUp.openGap(ROOM, 10);
        catchUp.joined(ROOM, 10, this::deliver);
        // 12 and 13 were not routed here; 14 was, and 15 is the joiner's own.
        deliver(live(14, "bob"));
        deliver(live(15, "ann"));
        assertEquals(List.of(11L, 14L), written);
        List<StoredMessage> fetched = List.of(stored(9, "bob"), stored(10, "bob"), stored(11, "bob"), stored(12, "bob"),
                stored(13, "bob"), stored(14, "bob"), stored(15, "ann"));
        List<StoredMessage> missing = GapFill.select(gap.from, gap.live, "ann", fetched);
        assertEquals(List.of(12L, 13L), seqs(missing));
        for (StoredMessage s : missing) deliver(live(s.seq(), s.from()));
        catchUp.gapFilled(ROOM, gap, GapFill.newest(gap.from, fetched));
        assertFalse(catchUp.hasGap(ROOM, gap));
        // A live copy routed even later: delivered already.
        assertEquals(CatchUp.Verdict.DUPLICATE, catchUp.offer(live(13, "bob")));
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(live(16, "bob")));
        assertEquals(List.of(11L, 14L, 12L, 13L), written, "at least once, never twice; a filled one may follow a newer live one");
        assertEquals(16, catchUp.lastSeq(ROOM));
    }

    @Test
    @DisplayName("a login through a new consumer: live events released after the replay count as delivered")
    void loginGapFilled() {
        catchUp.begin();
        catchUp.liveAfter(ROOM, 20);
        GapFill.Gap gap = catchUp.openGap(ROOM, 20);
        assertEquals(CatchUp.Verdict.HELD, catchUp.offer(live(22, "bob")));
        catchUp.caughtUp(java.util.Map.of(ROOM, 20L), this::deliver, Runnable::run);
        assertEquals(List.of(22L), written);
        assertEquals(List.of(21L, 23L), seqs(GapFill.select(gap.from, gap.live, "ann",
                List.of(stored(20, "bob"), stored(21, "bob"), stored(22, "bob"), stored(23, "bob")))));
    }

    @Test
    @DisplayName("a fill for a room left, or entered again, is stale: the newer gap stays open")
    void staleGap() {
        GapFill.Gap first = catchUp.openGap(ROOM, 10);
        catchUp.left(ROOM);
        assertFalse(catchUp.hasGap(ROOM, first));
        GapFill.Gap second = catchUp.openGap(ROOM, 12);
        assertFalse(catchUp.hasGap(ROOM, first));
        catchUp.gapFilled(ROOM, first, 30);
        assertTrue(catchUp.hasGap(ROOM, second), "a stale fill changes nothing");
        assertEquals(CatchUp.Verdict.WRITE, catchUp.offer(live(13, "bob")));
        assertEquals(Set.of(13L), second.live);
    }
}
