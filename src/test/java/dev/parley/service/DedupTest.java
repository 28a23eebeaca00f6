package dev.parley.service;

import dev.parley.store.IdempotencyStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cid window and the in-progress lease on a clock the test moves; the store is a map that honours expiry
 * on the same clock. Dedup never answers "ok" for an attempt that did not finish (issue 16, found by the chaos run).
 */
class DedupTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private final ManualClock clock = new ManualClock(1_000_000);
    private final MapStore store = new MapStore(clock);
    private final Dedup dedup = new Dedup(store, WINDOW, clock);
    private final String key = Dedup.key("alice", "msg", "c1");

    @Test
    @DisplayName("the first attempt owns the key; a retry within the window gets the first attempt's final reply")
    void retryWithinWindowGetsTheFirstReply() {
        assertOwned(claim(reply("m1", false)));
        dedup.complete(key, reply("m1", true));
        clock.advance(WINDOW.minusMillis(1));
        assertEquals(reply("m1", true), claim(reply("m2", false)).earlierReply());
    }

    @Test
    @DisplayName("once the window has passed, the same cid is a new send")
    void afterTheWindowTheCidIsNew() {
        assertOwned(claim(reply("m1", false)));
        dedup.complete(key, reply("m1", true));
        clock.advance(WINDOW);
        assertOwned(claim(reply("m2", false)));
    }

    @Test
    @DisplayName("the window is counted from the final reply, not the first claim")
    void completingRestartsTheWindow() {
        assertOwned(claim(reply("m1", false)));
        clock.advance(Duration.ofMinutes(4));
        dedup.complete(key, reply("m1", true));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(reply("m1", true), claim(reply("m2", false)).earlierReply());
        assertEquals(clock.millis() - Duration.ofMinutes(4).toMillis() + WINDOW.toMillis(), store.expiresAt.get(key));
    }

    @Test
    @DisplayName("a retry while the first attempt may still be at work is told to try again, not ok")
    void retryWhileInProgress() {
        assertOwned(claim(reply("m1", false)));
        clock.advance(Dedup.LEASE.minusMillis(1));

        Future<Dedup.Claim> r = dedup.claim(key, reply("m2", false));

        assertTrue(r.failed() && Dedup.inProgress(r.cause()), "UNAVAILABLE: " + r.cause());
    }

    @Test
    @DisplayName("an attempt that never finished (its node died) is taken over by the next retry, under the same id")
    void abandonedAttemptIsTakenOver() {
        assertOwned(claim(reply("m1", false)));
        clock.advance(Dedup.LEASE.plusMillis(1));

        Dedup.Claim c = claim(reply("m2", false));

        assertNull(c.earlierReply(), "no ok from a claim alone");
        assertEquals("m1", c.takeOver().getString("id"));
        assertTrue(dedup.claim(key, reply("m3", false)).failed(), "the taker-over holds a fresh lease");
    }

    @Test
    @DisplayName("a failed attempt gives its claim up at once, and the retry sends under the same id (it may have been delivered)")
    void failedAttemptKeepsItsId() {
        assertOwned(claim(reply("m1", false)));
        dedup.abandon(key, reply("m1", false));

        Dedup.Claim c = claim(reply("m2", false));

        assertNull(c.earlierReply());
        assertEquals("m1", c.takeOver().getString("id"));
    }

    @Test
    @DisplayName("when the store cannot be reached the attempt goes ahead (owns the key), the send is not refused")
    void unreachableStoreOwns() {
        Dedup down = new Dedup(new MapStore(clock) {
            @Override
            public Future<String> putIfAbsent(String key, String value, long expiresAtMillis) {
                return Future.failedFuture(new IllegalStateException("redis down"));
            }
        }, WINDOW, clock);
        assertOwned(down.claim(key, reply("m1", false)).result());
    }

    @Test
    @DisplayName("sends without a cid are never deduplicated")
    void noCidNoDedup() {
        assertOwned(dedup.claim(null, reply("m1", false)).result());
        assertOwned(dedup.claim(null, reply("m1", false)).result());
        assertEquals(0, store.values.size());
    }

    private Dedup.Claim claim(JsonObject reply) {
        return dedup.claim(key, reply).result();
    }

    private static void assertOwned(Dedup.Claim c) {
        assertSame(Dedup.Claim.OWNED, c, "this attempt owns the key");
    }

    private static JsonObject reply(String id, boolean stored) {
        return new JsonObject().put("id", id).put("stored", stored);
    }

    /** An idempotency store in a map; it completes at once. */
    private static class MapStore implements IdempotencyStore {
        final Map<String, String> values = new HashMap<>();
        final Map<String, Long> expiresAt = new HashMap<>();
        private final ManualClock clock;

        MapStore(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public Future<String> putIfAbsent(String key, String value, long expiresAtMillis) {
            Long expiry = expiresAt.get(key);
            if (expiry != null && expiry > clock.millis()) return Future.succeededFuture(values.get(key));
            values.put(key, value);
            expiresAt.put(key, expiresAtMillis);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> put(String key, String value, long expiresAtMillis) {
            values.put(key, value);
            expiresAt.put(key, expiresAtMillis);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> remove(String key) {
            values.remove(key);
            expiresAt.remove(key);
            return Future.succeededFuture();
        }
    }
}
