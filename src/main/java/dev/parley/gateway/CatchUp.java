package dev.parley.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A session's split between "missed" and "live" at login. From authentication until the missed
 * messages were written, live events are held; then they are released in arrival order, except
 * the group messages the replay already showed. Also tracks the newest group message the session
 * was given, saved as its last-seen position when it leaves.
 */
final class CatchUp {

    enum Verdict {
        /** Write it now. */
        WRITE,
        /** Held until the replay is written. */
        HELD,
        /** A group message the replay already showed. */
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
    /** The history head when this session began holding live events. */
    private long liveFrom;
    /** Group messages at or below this were replayed from history and must not be delivered live too. */
    private long replayedUpTo;
    /** The newest group message this session has been given. */
    private long lastGroupSeq;

    /** Authenticated: hold live events until {@link #caughtUp}. */
    void begin() {
        holding = true;
    }

    boolean holding() {
        return holding;
    }

    /** What to do with a live event for this session (one it did not send itself). */
    Verdict offer(EncodedEvent e) {
        if (holding) {
            if (held == null) held = new ArrayList<>();
            if (held.size() >= MAX_HELD_EVENTS) return Verdict.OVERFLOW;
            held.add(e);
            return Verdict.HELD;
        }
        if (e.groupSeq != 0) {
            if (e.groupSeq <= replayedUpTo) return Verdict.DUPLICATE;
            lastGroupSeq = Math.max(lastGroupSeq, e.groupSeq);
        }
        return Verdict.WRITE;
    }

    /** Runs {@code confirmation} when the held events are released (after they were written). */
    void holdConfirmation(Runnable confirmation) {
        if (heldConfirmations == null) heldConfirmations = new ArrayList<>();
        heldConfirmations.add(confirmation);
    }

    /** The session's own group message: not shown back, but seen, so it is not "missed" at the next login. */
    void seenOwn(long groupSeq) {
        if (groupSeq != 0 && !holding) lastGroupSeq = Math.max(lastGroupSeq, groupSeq);
    }

    /**
     * Group messages after {@code head} (the history head right after this session started holding
     * live events) reach it live; those up to it are replayed from storage.
     */
    void liveAfter(long head) {
        liveFrom = head;
        lastGroupSeq = Math.max(lastGroupSeq, head);
    }

    long liveFrom() {
        return liveFrom;
    }

    long lastGroupSeq() {
        return lastGroupSeq;
    }

    /**
     * Missed messages were written: goes live and hands the held events back through {@code deliver}
     * (which asks {@link #offer} again, so replayed group messages drop out), then their confirmations
     * to {@code afterWrites}. Nothing happens unless it was holding.
     *
     * @param newestReplayedSeq the seq of the newest group message replayed, 0 when none was
     */
    void caughtUp(long newestReplayedSeq, Consumer<EncodedEvent> deliver, Consumer<Runnable> afterWrites) {
        if (!holding) return;
        replayedUpTo = newestReplayedSeq;
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

    /** The session ended or never completed: drops what was held (its confirmations never run). */
    void abandon() {
        holding = false;
        held = null;
        heldConfirmations = null;
    }
}
