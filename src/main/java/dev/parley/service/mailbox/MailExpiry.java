package dev.parley.service.mailbox;

import dev.parley.store.StoredMessage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Which stored private messages are too old to deliver (mailbox.maxAgeDays), by the injected clock. */
final class MailExpiry {
    /** Messages still worth delivering, and the mailbox positions of those that expired. */
    record Split(List<StoredMessage> fresh, List<Long> expiredSeqs) {
    }

    private final long maxAgeMillis;
    private final Clock clock;

    MailExpiry(Duration maxAge, Clock clock) {
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    /** Keeps the order; a message exactly maxAge old is still delivered. */
    Split split(List<StoredMessage> messages) {
        long cutoff = clock.millis() - maxAgeMillis;
        List<StoredMessage> fresh = new ArrayList<>();
        List<Long> expired = new ArrayList<>();
        for (StoredMessage s : messages) {
            if (s.ts() < cutoff) expired.add(s.seq());
            else fresh.add(s);
        }
        return new Split(List.copyOf(fresh), List.copyOf(expired));
    }
}
