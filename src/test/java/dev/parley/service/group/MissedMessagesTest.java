package dev.parley.service.group;

import dev.parley.store.HistorySlice;
import dev.parley.store.StoredMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a user missed out of a history slice, and how many missed messages were left out (HISTORY_TRUNCATED). */
class MissedMessagesTest {
    @Test
    @DisplayName("everything after the last-seen position up to the bound is missed, nothing is skipped")
    void allMissed() {
        HistoryReply r = MissedMessages.select("bob", 2, 5, slice(5, msg(3, "alice"), msg(4, "carol"), msg(5, "alice")));
        assertEquals(List.of(3L, 4L, 5L), seqs(r));
        assertEquals(0, r.skipped());
    }

    @Test
    @DisplayName("one's own messages are not replayed but count as covered (not skipped)")
    void ownMessagesCovered() {
        HistoryReply r = MissedMessages.select("bob", 2, 5, slice(5, msg(3, "bob"), msg(4, "carol"), msg(5, "bob")));
        assertEquals(List.of(4L), seqs(r));
        assertEquals(0, r.skipped());
    }

    @Test
    @DisplayName("messages after the bound reach the session live: neither replayed nor skipped")
    void afterTheBoundIsLive() {
        HistoryReply r = MissedMessages.select("bob", 2, 4, slice(6, msg(3, "alice"), msg(4, "alice"), msg(5, "alice"), msg(6, "alice")));
        assertEquals(List.of(3L, 4L), seqs(r));
        assertEquals(0, r.skipped());
    }

    @Test
    @DisplayName("a slice capped at replayMax (or cut by age) reports the missed messages it left out")
    void truncatedSliceCountsSkipped() {
        // Seen up to 10, head 100, bound 90: 80 missed, the slice kept the newest 3 of them.
        HistoryReply r = MissedMessages.select("bob", 10, 90, slice(100, msg(88, "alice"), msg(89, "alice"), msg(90, "alice")));
        assertEquals(List.of(88L, 89L, 90L), seqs(r));
        assertEquals(77, r.skipped());
    }

    @Test
    @DisplayName("a history whose head is below the bound counts up to the head only")
    void headBelowBound() {
        HistoryReply r = MissedMessages.select("bob", 10, Long.MAX_VALUE, slice(12, msg(12, "alice")));
        assertEquals(List.of(12L), seqs(r));
        assertEquals(1, r.skipped());
    }

    private static HistorySlice slice(long head, StoredMessage... messages) {
        return new HistorySlice(List.of(messages), 0, head);
    }

    private static StoredMessage msg(long seq, String from) {
        return new StoredMessage("g" + seq, from, from, null, "text " + seq, 1000 + seq, seq);
    }

    private static List<Long> seqs(HistoryReply r) {
        return r.messages().stream().map(StoredMessage::seq).toList();
    }
}
