package dev.parley.service;

import dev.parley.store.IdempotencyStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cid deduplication never answers "ok" for an attempt that did not finish (issue 16, found by the chaos run). */
class DedupTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Dedup dedup = new Dedup(new MapStore(), Duration.ofMinutes(5), now::get);
    private final JsonObject first = new JsonObject().put("id", "m1").put("ts", 1L).put("stored", false);
    private final JsonObject retry = new JsonObject().put("id", "m2").put("ts", 2L).put("stored", false);

    @Test
    @DisplayName("a retry gets the finished attempt's reply and sends nothing")
    void retryAfterCompletion() {
        assertSame(Dedup.Claim.OWNED, dedup.claim("k", first).result());
        JsonObject done = first.copy().put("stored", true);
        dedup.complete("k", done);

        assertEquals(done, dedup.claim("k", retry).result().earlierReply());
    }

    @Test
    @DisplayName("a retry while the first attempt may still be at work is told to try again, not ok")
    void retryWhileInProgress() {
        dedup.claim("k", first);
        now.addAndGet(Dedup.LEASE.toMillis() - 1);

        Future<Dedup.Claim> r = dedup.claim("k", retry);

        assertTrue(r.failed() && Dedup.inProgress(r.cause()), "UNAVAILABLE: " + r.cause());
    }

    @Test
    @DisplayName("an attempt that never finished (its node died) is taken over by the next retry, under the same id")
    void abandonedAttemptIsTakenOver() {
        dedup.claim("k", first);
        now.addAndGet(Dedup.LEASE.toMillis() + 1);

        Dedup.Claim c = dedup.claim("k", retry).result();

        assertNull(c.earlierReply(), "no ok from a claim alone");
        assertEquals("m1", c.takeOver().getString("id"));
        assertEquals(1L, c.takeOver().getLong("ts"));
        assertTrue(dedup.claim("k", retry).failed(), "the taker-over holds a fresh lease");
    }

    @Test
    @DisplayName("a failed attempt gives its claim up at once, and the retry sends under the same id (it may have been delivered)")
    void failedAttemptKeepsItsId() {
        dedup.claim("k", first);
        dedup.abandon("k", first);

        Dedup.Claim c = dedup.claim("k", retry).result();

        assertNull(c.earlierReply());
        assertEquals("m1", c.takeOver().getString("id"));
    }

    /** The store's contract, synchronously, in a map. */
    private static final class MapStore implements IdempotencyStore {
        private final Map<String, String> values = new HashMap<>();

        @Override
        public Future<String> putIfAbsent(String key, String value, long expiresAtMillis) {
            return Future.succeededFuture(values.putIfAbsent(key, value));
        }

        @Override
        public Future<Void> put(String key, String value, long expiresAtMillis) {
            values.put(key, value);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> remove(String key) {
            values.remove(key);
            return Future.succeededFuture();
        }
    }
}
