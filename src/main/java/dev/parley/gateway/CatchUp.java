package dev.parley.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A session's split between "missed" and "live", per room. From authentication until the missed
 * messages were written, live events are held; then they are released in arrival order, except the
 * room messages the replay already showed (compared per room, each room having its own sequence).
 * A room being joined mid-session is held the same way until the join's reply says where live starts.
 * Also tracks the newest message of each room the session was given, saved as its read positions.
 */
final class CatchUp {

    enum Verdict {
        /** Write it now. */
        WRITE,
        /** Held until the replay (or the join) is done. */
        HELD,
        /** A room message the replay already showed, or from before the join. */
        DUPLICATE,
        /** Too many held: the reader is too slow to catch up. */
        OVERFLOW
    }

    /** Live events held while missed messages are replayed at login; over this the reader is too slow. */
    static final int MAX_HELD_EVENTS = 10_000;

    private boolean holding;
    private List<EncodedEvent> held;
    /** Confirmations of held private messages: they run once the held events were handed to the socket. */
    private List<Runnable> heldConfirmations;
    /**
     * Per room (canonical name): what was replayed and what was given. The first room's position sits in two
     * fields and the others in a map made for the second room, so a session in one room holds one small object
     * and no map; consulted on every delivery, so one lookup and no boxing.
     */
    private String firstRoom;
    private RoomPosition firstPosition;
    private Map<String, RoomPosition> otherPositions;
    /** Rooms whose join is under way: their events wait for the join's head. Null when none. */
    private Map<String, List<EncodedEvent>> joining;
    /** Rooms entered through a new consumer whose routing gap is not filled yet ({@link GapFill}). Null when none. */
    private Map<String, GapFill.Gap> gaps;

    /** Authenticated: hold live events until {@link #caughtUp}. */
    void begin() {
        holding = true;
    }

    boolean holding() {
        return holding;
    }

    /** What to do with a live event for this session (one it did not send itself). */
    Verdict offer(EncodedEvent e) {
        if (holding) return hold(held == null ? held = new ArrayList<>() : held, e);
        if (e.room != null && joining != null) {
            List<EncodedEvent> waiting = joining.get(e.room);
            if (waiting != null) return hold(waiting, e);
        }
        if (e.seq != 0 && e.room != null) {
            RoomPosition p = position(e.room);
            if (e.seq <= p.replayedUpTo) return Verdict.DUPLICATE;
            p.given(e.seq);
            if (gaps != null) {
                GapFill.Gap gap = gaps.get(e.room);
                if (gap != null && e.seq > gap.from) gap.live.add(e.seq);
            }
        }
        return Verdict.WRITE;
    }

    private static Verdict hold(List<EncodedEvent> list, EncodedEvent e) {
        if (list.size() >= MAX_HELD_EVENTS) return Verdict.OVERFLOW;
        list.add(e);
        return Verdict.HELD;
    }

    /** Runs {@code confirmation} when the held events are released (after they were written). */
    void holdConfirmation(Runnable confirmation) {
        if (heldConfirmations == null) heldConfirmations = new ArrayList<>();
        heldConfirmations.add(confirmation);
    }

    /** The session's own room message: not shown back, but seen, so it is not "missed" at the next login. */
    void seenOwn(String room, long seq) {
        if (room != null && seq != 0 && !holding) position(room).given(seq);
    }

    /**
     * Messages of {@code room} after {@code head} (its head read after this session started holding live
     * events) reach it live; those up to it are replayed from storage.
     */
    void liveAfter(String room, long head) {
        position(room).given(head);
    }

    /** The newest message of {@code room} this session has been given (0: none). */
    long lastSeq(String room) {
        RoomPosition p = existing(room);
        return p == null ? 0 : Math.max(0, p.lastSeq);
    }

    /** Every room's read position as this session leaves it. */
    Map<String, Long> positions() {
        Map<String, Long> given = new HashMap<>();
        if (firstRoom != null && firstPosition.lastSeq >= 0) given.put(firstRoom, firstPosition.lastSeq);
        if (otherPositions != null) {
            otherPositions.forEach((room, p) -> {
                if (p.lastSeq >= 0) given.put(room, p.lastSeq);
            });
        }
        return Map.copyOf(given);
    }

    /**
     * Missed messages were written: goes live and hands the held events back through {@code deliver}
     * (which asks {@link #offer} again, so replayed room messages drop out), then their confirmations
     * to {@code afterWrites}. Nothing happens unless it was holding.
     *
     * @param newestReplayed per room, the seq of the newest message replayed (rooms with none left out)
     */
    void caughtUp(Map<String, Long> newestReplayed, Consumer<EncodedEvent> deliver, Consumer<Runnable> afterWrites) {
        if (!holding) return;
        newestReplayed.forEach((room, seq) -> position(room).replayed(seq));
        holding = false;
        List<EncodedEvent> pending = held;
        held = null;
        if (pending != null) {
            for (EncodedEvent e : pending) deliver.accept(e);
        }
        List<Runnable> confirmations = heldConfirmations;
        heldConfirmations = null;
        if (confirmations != null) {
            for (Runnable r : confirmations) afterWrites.accept(r);
        }
    }

    /** A join of {@code room} is under way: its events wait for {@link #joined} (or are dropped by {@link #left}). */
    void joining(String room) {
        if (joining == null) joining = new HashMap<>();
        joining.putIfAbsent(room, new ArrayList<>());
    }

    /**
     * The join succeeded with the room's head at {@code head}: later messages are live, earlier ones are not
     * the joiner's. The events that waited are offered again through {@code deliver}.
     */
    void joined(String room, long head, Consumer<EncodedEvent> deliver) {
        position(room).replayed(head);
        List<EncodedEvent> waiting = joining == null ? null : joining.remove(room);
        if (waiting != null) {
            for (EncodedEvent e : waiting) deliver.accept(e);
        }
    }

    /**
     * {@code room} was entered through a new consumer, starting after {@code from}: its live messages are recorded
     * until {@link #gapFilled}. Replaces an earlier gap of the room (the session entered it again).
     */
    GapFill.Gap openGap(String room, long from) {
        if (gaps == null) gaps = new HashMap<>();
        GapFill.Gap gap = new GapFill.Gap(from);
        gaps.put(room, gap);
        return gap;
    }

    /** Whether {@code gap} is still {@code room}'s open gap (not filled, the room not left or entered again). */
    boolean hasGap(String room, GapFill.Gap gap) {
        return gaps != null && gaps.get(room) == gap;
    }

    /**
     * {@code gap} was filled with the room's messages up to {@code newest}: a live copy of one of them arriving
     * later is a duplicate (each was delivered live or by the fill).
     */
    void gapFilled(String room, GapFill.Gap gap, long newest) {
        if (!hasGap(room, gap)) return;
        gaps.remove(room);
        position(room).replayed(newest);
    }

    /** The session is no longer in {@code room} (parted, kicked, or its join failed): nothing of it is kept. */
    void left(String room) {
        if (joining != null) joining.remove(room);
        if (gaps != null) gaps.remove(room);
        if (firstRoom != null && firstRoom.equals(room)) {
            firstRoom = null;
            firstPosition = null;
        } else if (otherPositions != null) {
            otherPositions.remove(room);
        }
    }

    /** The login did not complete: the next one starts from scratch. */
    void forgetPositions() {
        firstRoom = null;
        firstPosition = null;
        otherPositions = null;
        gaps = null;
    }

    /** The session ended or never completed: drops what was held (its confirmations never run). */
    void abandon() {
        holding = false;
        held = null;
        heldConfirmations = null;
        joining = null;
        gaps = null;
    }

    private RoomPosition position(String room) {
        RoomPosition p = existing(room);
        if (p == null) {
            p = new RoomPosition();
            if (firstRoom == null) {
                firstRoom = room;
                firstPosition = p;
            } else {
                if (otherPositions == null) otherPositions = new HashMap<>(4);
                otherPositions.put(room, p);
            }
        }
        return p;
    }

    private RoomPosition existing(String room) {
        if (firstRoom != null && firstRoom.equals(room)) return firstPosition;
        return otherPositions == null ? null : otherPositions.get(room);
    }

    /** One room's positions for this session: mutable longs, so a delivery allocates nothing. */
    private static final class RoomPosition {
        /** Messages at or below this were replayed (or preceded the join) and must not be delivered live. */
        long replayedUpTo;
        /** The newest message this session has been given (its read position when it leaves); -1: none yet. */
        long lastSeq = -1;

        void given(long seq) {
            if (seq > lastSeq) lastSeq = seq;
        }

        void replayed(long seq) {
            if (seq > replayedUpTo) replayedUpTo = seq;
            given(seq);
        }
    }
}
