package dev.parley.store;

import java.util.List;

/**
 * Missed group messages, oldest first.
 *
 * @param skipped messages after the position that were left out (too many or too old)
 * @param head    the newest sequence number at the time of the read
 */
public record HistorySlice(List<StoredMessage> messages, long skipped, long head) {
}
