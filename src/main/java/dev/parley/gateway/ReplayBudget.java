package dev.parley.gateway;

import dev.parley.store.StoredMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bounds a login's replay of missed room messages over all rooms (rooms.replayMaxTotal; each room is
 * already bounded by history.replayMax): the newest messages are kept, so what is shown of each room joins
 * up with what arrives live; what is left out is counted in its room's HISTORY_TRUNCATED notice.
 */
final class ReplayBudget {
    private ReplayBudget() {
    }

    /**
     * What one room's replay holds.
     *
     * @param display  shown in the messages and the notice
     * @param messages oldest first
     * @param skipped  missed messages left out
     */
    record Missed(String room, String display, List<StoredMessage> messages, long skipped) {
        /** The seq of the newest message shown, 0 when none. */
        long newestSeq() {
            return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
        }
    }

    /** The rooms' replays with at most {@code total} messages in all, the oldest ones counted as skipped. */
    static List<Missed> bound(List<Missed> rooms, int total) {
        int count = 0;
        for (Missed m : rooms) count += m.messages().size();
        if (count <= total) return rooms;
        // The oldest timestamp still kept: every message newer than it survives.
        List<StoredMessage> all = new ArrayList<>(count);
        for (Missed m : rooms) all.addAll(m.messages());
        all.sort(Comparator.comparingLong(StoredMessage::ts).reversed());
        List<Missed> out = new ArrayList<>(rooms.size());
        // Ties on the cut timestamp: drop from the rooms in order until the count is met.
        long cut = total == 0 ? Long.MAX_VALUE : all.get(total - 1).ts();
        int atCutKept = (int) all.subList(0, total).stream().filter(s -> s.ts() == cut).count();
        for (Missed m : rooms) {
            List<StoredMessage> kept = new ArrayList<>();
            // Newest first, so a room keeps a suffix of its replay (it joins up with what is live).
            for (int i = m.messages().size() - 1; i >= 0; i--) {
                StoredMessage s = m.messages().get(i);
                if (s.ts() > cut) {
                    kept.add(s);
                } else if (s.ts() == cut && atCutKept > 0) {
                    kept.add(s);
                    atCutKept--;
                }
            }
            java.util.Collections.reverse(kept);
            long dropped = m.messages().size() - kept.size();
            out.add(new Missed(m.room(), m.display(), kept, m.skipped() + dropped));
        }
        return out;
    }
}
