package dev.parley.service.mailbox;

import dev.parley.service.ManualClock;
import dev.parley.store.StoredMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** mailbox.maxAgeDays against a clock the test sets: no store, no Vert.x. */
class MailExpiryTest {
    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final long NOW = 5_000_000_000L;
    private final ManualClock clock = new ManualClock(NOW);
    private final MailExpiry expiry = new MailExpiry(MAX_AGE, clock);

    @Test
    @DisplayName("a message exactly maxAge old is still delivered; one millisecond older has expired")
    void boundary() {
        StoredMessage justInTime = message(1, NOW - MAX_AGE.toMillis());
        StoredMessage tooOld = message(2, NOW - MAX_AGE.toMillis() - 1);
        MailExpiry.Split split = expiry.split(List.of(justInTime, tooOld));
        assertEquals(List.of(justInTime), split.fresh());
        assertEquals(List.of(2L), split.expiredSeqs());
    }

    @Test
    @DisplayName("fresh messages keep their order; expired ones are reported by mailbox position")
    void keepsOrder() {
        List<StoredMessage> mail = List.of(message(1, 0), message(2, NOW - 10), message(3, 1), message(4, NOW));
        MailExpiry.Split split = expiry.split(mail);
        assertEquals(List.of(mail.get(1), mail.get(3)), split.fresh());
        assertEquals(List.of(1L, 3L), split.expiredSeqs());
    }

    @Test
    @DisplayName("as the clock moves on, the same message expires")
    void clockMovesOn() {
        List<StoredMessage> mail = List.of(message(7, NOW));
        assertEquals(List.of(), expiry.split(mail).expiredSeqs());
        clock.advance(MAX_AGE);
        assertEquals(List.of(), expiry.split(mail).expiredSeqs(), "exactly maxAge later");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(7L), expiry.split(mail).expiredSeqs());
    }

    private static StoredMessage message(long seq, long ts) {
        return new StoredMessage("id" + seq, "alice", "Alice", "bob", "hi", ts, seq);
    }
}
