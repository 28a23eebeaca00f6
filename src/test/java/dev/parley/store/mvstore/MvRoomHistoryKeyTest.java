package dev.parley.store.mvstore;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MvRoomHistoryKeyTest {
    @Test
    @DisplayName("a log key is the one String.format(\"%019d\") gave, so logs written before read back, in seq order")
    void sameKeysAsBefore() {
        for (long seq : List.of(0L, 1L, 9L, 10L, 1_700_000_000_000_001L, 999_999_999_999_999_999L, Long.MAX_VALUE)) {
            assertEquals("#dev\0" + String.format("%019d", seq), MvRoomHistoryStore.key("#dev", seq), "seq " + seq);
        }
        assertEquals(-1, Integer.signum(MvRoomHistoryStore.key("#dev", 99).compareTo(MvRoomHistoryStore.key("#dev", 100))));
    }
}
