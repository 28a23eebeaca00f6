package dev.parley.service.group;

import dev.parley.store.HistorySlice;
import dev.parley.store.StoredMessage;

import java.util.ArrayList;
import java.util.List;

/** Which messages of a history slice a user missed, and how many missed ones the slice left out. */
public final class MissedMessages {
    private MissedMessages() {
    }

    /**
     * @param seen the user's last-seen position
     * @param upTo the newest position to replay: later messages reach the session live, so they are no part of it
     */
    public static HistoryReply select(String user, long seen, long upTo, HistorySlice slice) {
        List<StoredMessage> missed = new ArrayList<>();
        long kept = 0;
        for (StoredMessage s : slice.messages()) {
            if (s.seq() > upTo) continue;
            kept++;
            // One's own messages are never "missed" (but they do count as covered).
            if (!user.equals(s.from())) missed.add(s);
        }
        long skipped = Math.max(0, Math.min(upTo, slice.head()) - seen - kept);
        return new HistoryReply(List.copyOf(missed), skipped);
    }
}
