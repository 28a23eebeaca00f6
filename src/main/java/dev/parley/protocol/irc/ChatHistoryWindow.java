package dev.parley.protocol.irc;

import java.util.List;

/**
 * Which messages answer a {@link ChatHistoryQuery}, given the newest messages of a room read so far (oldest first):
 * a slice of them, or "read older ones first" when the answer could still change with older messages. Rooms' history
 * is read backwards page by page, so AFTER, AROUND, BETWEEN and timestamp references are found by reading back until
 * the reference (and the messages the answer needs before it) are in the window, or nothing older exists.
 */
public final class ChatHistoryWindow {
    /** A message of the window: its id and its time (epoch ms). */
    public record Entry(String id, long ts) {
    }

    public sealed interface Selection permits Slice, NeedOlder {
    }

    /** The answer: the window's entries {@code [from, to)}, oldest first. */
    public record Slice(int from, int to) implements Selection {
    }

    /** Older messages are needed to answer. */
    public record NeedOlder() implements Selection {
    }

    private static final NeedOlder NEED_OLDER = new NeedOlder();
    private static final int UNKNOWN = -1;

    private ChatHistoryWindow() {
    }

    /**
     * @param window   the newest messages known, oldest first
     * @param complete nothing older exists (or the reading went as far back as it may): unknown references are unknown
     */
    public static Selection select(ChatHistoryQuery.Query q, List<Entry> window, boolean complete) {
        int n = window.size();
        int limit = q.limit();
        ChatHistoryQuery.Ref ref = q.ref();
        switch (q.subcommand()) {
            case "LATEST" -> {
                int after = ref == null ? UNKNOWN : after(ref, window, complete);
                if (after != UNKNOWN) return new Slice(Math.max(after, n - limit), n);
                // The reference is older than all of them (or unknown): the newest are all after it.
                return n >= limit || complete ? new Slice(Math.max(0, n - limit), n) : NEED_OLDER;
            }
            case "BEFORE" -> {
                int before = before(ref, window, complete);
                if (before == UNKNOWN) return complete ? new Slice(0, 0) : NEED_OLDER;
                return before >= limit || complete ? new Slice(Math.max(0, before - limit), before) : NEED_OLDER;
            }
            case "AFTER" -> {
                int after = after(ref, window, complete);
                if (after == UNKNOWN) return complete ? new Slice(0, 0) : NEED_OLDER;
                return new Slice(after, Math.min(n, after + limit));
            }
            case "AROUND" -> {
                // The referenced message itself (or the first at or after the time) in the middle.
                int at = before(ref, window, complete);
                if (at == UNKNOWN) return complete ? new Slice(0, 0) : NEED_OLDER;
                if (at < limit / 2 && !complete) return NEED_OLDER;
                int from = Math.max(0, at - limit / 2);
                return new Slice(from, Math.min(n, from + limit));
            }
            case "BETWEEN" -> {
                ChatHistoryQuery.Ref other = q.other();
                int p1 = before(ref, window, complete);
                int p2 = before(other, window, complete);
                if (p1 == UNKNOWN || p2 == UNKNOWN) return complete ? new Slice(0, 0) : NEED_OLDER;
                if (p1 <= p2) {
                    // Forwards from the first: the oldest messages after it, up to the second.
                    int from = after(ref, window, complete);
                    return from >= p2 ? new Slice(0, 0) : new Slice(from, Math.min(p2, from + limit));
                }
                // Backwards from the first: the newest messages before it, down to the second.
                int floor = after(other, window, complete);
                return floor >= p1 ? new Slice(0, 0) : new Slice(Math.max(floor, p1 - limit), p1);
            }
            default -> throw new IllegalArgumentException("not a history subcommand: " + q.subcommand());
        }
    }

    /** Index of the first message not older than {@code ref} (the message itself for a msgid), or UNKNOWN. */
    private static int before(ChatHistoryQuery.Ref ref, List<Entry> w, boolean complete) {
        if (ref.byId()) return indexOf(ref.msgid(), w);
        // Only known once a message older than the time is in the window (or nothing older exists).
        if (!complete && (w.isEmpty() || w.get(0).ts() >= ref.ts())) return UNKNOWN;
        for (int i = 0; i < w.size(); i++) if (w.get(i).ts() >= ref.ts()) return i;
        return w.size();
    }

    /** Index of the first message newer than {@code ref}, or UNKNOWN. */
    private static int after(ChatHistoryQuery.Ref ref, List<Entry> w, boolean complete) {
        if (ref.byId()) {
            int i = indexOf(ref.msgid(), w);
            return i == UNKNOWN ? UNKNOWN : i + 1;
        }
        if (!complete && (w.isEmpty() || w.get(0).ts() > ref.ts())) return UNKNOWN;
        for (int i = 0; i < w.size(); i++) if (w.get(i).ts() > ref.ts()) return i;
        return w.size();
    }

    private static int indexOf(String id, List<Entry> w) {
        for (int i = w.size() - 1; i >= 0; i--) if (id.equals(w.get(i).id())) return i;
        return UNKNOWN;
    }
}
