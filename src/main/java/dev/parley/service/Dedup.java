package dev.parley.service;

import dev.parley.protocol.ChatError;
import dev.parley.store.IdempotencyStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;

/**
 * Client-id (cid) deduplication of sends: the first attempt claims the key, marked as in progress; once it
 * has delivered or stored the message it records its final reply, and a retry within the window gets that
 * reply and is not delivered again. A failed attempt gives the claim up so the retry really runs (under the
 * same id, see {@link #abandon}). A claim
 * still marked in progress after {@link #LEASE} belongs to an attempt that never finished (its node died):
 * the next retry takes it over and sends the message again under the same id, since an answer "ok" from a
 * claim alone would acknowledge a message nobody delivered or stored.
 */
public final class Dedup {
    /** Longer than an attempt takes (a 3 s delivery wait, then a store) on a healthy node. */
    static final Duration LEASE = Duration.ofSeconds(10);
    private static final String PENDING_UNTIL = "pendingUntil";

    /** What a claim found: {@code earlierReply} to answer as it is, or {@code takeOver} (id, ts) to send again. */
    public record Claim(JsonObject earlierReply, JsonObject takeOver) {
        public static final Claim OWNED = new Claim(null, null);

        /** The reply (id, ts) this attempt sends under: the abandoned attempt's when taking over, else its own. */
        public JsonObject answerOr(JsonObject own) {
            return takeOver != null ? takeOver : own;
        }
    }

    private final IdempotencyStore store;
    private final long windowMillis;

    /** Wall-clock time: the lease compares times written by different nodes. */
    private final Clock clock;

    public Dedup(IdempotencyStore store, Duration window, Clock clock) {
        this.store = store;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    public static String key(String user, String op, String cid) {
        return user + '\0' + op + '\0' + cid;
    }

    /**
     * {@link Claim#OWNED} when this attempt owns the key (go ahead with {@code reply}'s id); the finished reply
     * of an earlier attempt; or the id and ts of an abandoned one to send again. Fails UNAVAILABLE while an
     * earlier attempt may still be at work (the only failure: when the store fails, the attempt owns the key).
     */
    public Future<Claim> claim(String key, JsonObject reply) {
        if (key == null) return Future.succeededFuture(Claim.OWNED);
        long now = clock.millis();
        return find(key, reply, now)
                // An unreachable store does not stop the send: it goes ahead, without deduplication.
                .recover(t -> inProgress(t) ? Future.failedFuture(t) : Future.succeededFuture(Claim.OWNED));
    }

    private Future<Claim> find(String key, JsonObject reply, long now) {
        return store.putIfAbsent(key, pending(reply, now), now + windowMillis).compose(existing -> {
            if (existing == null) return Future.succeededFuture(Claim.OWNED);
            JsonObject earlier = new JsonObject(existing);
            Long until = earlier.getLong(PENDING_UNTIL);
            if (until == null) return Future.succeededFuture(new Claim(earlier, null));
            if (until > now) {
                return Future.failedFuture(Bus.error(ChatError.UNAVAILABLE, "an earlier attempt with this cid is still being sent; try again"));
            }
            earlier.remove(PENDING_UNTIL);
            return store.put(key, pending(earlier, now), now + windowMillis).map(v -> new Claim(null, earlier));
        });
    }

    /** True for the failure of {@link #claim} that says "still in progress" (not a store failure). */
    public static boolean inProgress(Throwable t) {
        return t instanceof Bus.ServiceException se && se.error == ChatError.UNAVAILABLE;
    }

    /** Records the final reply of the owning attempt. */
    public Future<Void> complete(String key, JsonObject reply) {
        if (key == null) return Future.succeededFuture();
        return store.put(key, reply.encode(), clock.millis() + windowMillis);
    }

    /**
     * A failed attempt gives its claim up, keeping its id: it may have delivered before failing (a receiver's
     * node that answered late, then a store that failed), so the retry sends again under that id, at once.
     */
    public Future<Void> abandon(String key, JsonObject reply) {
        if (key == null) return Future.succeededFuture();
        JsonObject given = reply.copy().put(PENDING_UNTIL, 0L);
        return store.put(key, given.encode(), clock.millis() + windowMillis);
    }

    private String pending(JsonObject reply, long now) {
        return reply.copy().put(PENDING_UNTIL, now + LEASE.toMillis()).encode();
    }
}
