package dev.parley.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemoryPresenceStoreTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final MemoryPresenceStore presence = new MemoryPresenceStore(now::get, 60_000);

    @Test
    @DisplayName("takeover records expire after the TTL: a storm of takeovers leaves nothing behind")
    void takeoverRecordsExpire() {
        for (int i = 0; i < 1_000; i++) presence.join(new PresenceEntry("alice", "Alice", "n1", "s" + i));
        assertEquals(999, presence.replacedRecords());
        assertEquals(PresenceStore.Rejoin.REPLACED, presence.rejoin(new PresenceEntry("bob", "Bob", "n1", "s0")).result(),
                "s0 was replaced, whoever asks for it back");

        now.addAndGet(59_999);
        assertEquals(999, presence.replacedRecords(), "kept for the whole TTL");
        now.addAndGet(1);
        assertEquals(0, presence.replacedRecords());
        assertEquals(PresenceStore.Rejoin.ADDED, presence.rejoin(new PresenceEntry("bob", "Bob", "n1", "s0")).result(),
                "forgotten after the TTL");
    }
}
