package dev.parley.client;

import dev.parley.client.PendingRequests.Entry;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Numbers requests, matches each reply to its request, and answers for the server with a local error reply when it
 * does not answer in time or the link drops first. Confined to the session's loop.
 */
final class RequestTracker {

    /** Safe to send twice: say/msg carry a cid the server deduplicates, who and ping change nothing. */
    private static final Set<String> RESENDABLE = Set.of(Ops.SAY, Ops.MSG, Ops.WHO, Ops.PING);

    private final Scheduler scheduler;
    private final long replyTimeoutMillis;
    /** Told about every reply to a user's request before its future completes. */
    private final BiConsumer<JsonObject, JsonObject> visibleReplies;
    /** Unique per run, so a restarted client is never deduplicated against an earlier one. */
    private final String cidPrefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private final PendingRequests pending = new PendingRequests();
    private long seq;

    RequestTracker(Scheduler scheduler, long replyTimeoutMillis, BiConsumer<JsonObject, JsonObject> visibleReplies) {
        this.scheduler = scheduler;
        this.replyTimeoutMillis = replyTimeoutMillis;
        this.visibleReplies = visibleReplies;
    }

    /**
     * Gives {@code request} its rid (and a cid to say/msg that have none), starts its reply timer and waits for its
     * reply; {@code visible} is false for the session's own traffic.
     */
    Entry track(JsonObject request, Promise<JsonObject> reply, boolean visible) {
        String rid = "r" + (++seq);
        request.put(Fields.RID, rid);
        String op = Frames.op(request);
        if ((op.equals(Ops.SAY) || op.equals(Ops.MSG)) && !request.containsKey(Fields.CID)) {
            request.put(Fields.CID, cidPrefix + seq);
        }
        Entry entry = pending.add(rid, request, reply, visible);
        entry.cancelTimer = scheduler.schedule(replyTimeoutMillis, () -> timeOut(rid));
        return entry;
    }

    /** Completes the request {@code reply} answers; false when it answers none. */
    boolean answer(JsonObject reply) {
        Entry entry = pending.take(reply);
        if (entry == null) {
            return false;
        }
        complete(entry, reply);
        return true;
    }

    List<Entry> unsent() {
        return pending.unsent();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * The link dropped: with a reconnect coming, the user's resendable requests wait to go out again; every other
     * sent request completes with DISCONNECTED.
     */
    void linkLost(boolean reconnecting) {
        for (Entry entry : pending.sent()) {
            if (reconnecting && entry.visible && RESENDABLE.contains(entry.op())) {
                entry.sent = false;
            } else {
                pending.remove(entry.rid);
                complete(entry, Frames.localError(entry.op(), Frames.DISCONNECTED, "the connection closed before the reply"));
            }
        }
    }

    /** Completes every request with a local error of {@code code}. */
    void failAll(String code, String message) {
        for (Entry entry : pending.removeAll()) {
            complete(entry, Frames.localError(entry.op(), code, message));
        }
    }

    /** Completes every request with CLOSED without telling anyone: the user is leaving. */
    void abandonAll() {
        for (Entry entry : pending.removeAll()) {
            entry.cancelTimer.run();
            entry.promise.tryComplete(Frames.localError(entry.op(), Frames.CLOSED, "the client is closing"));
        }
    }

    private void timeOut(String rid) {
        Entry entry = pending.remove(rid);
        if (entry != null) {
            String note = RESENDABLE.contains(entry.op()) && !entry.op().equals(Ops.WHO) && !entry.op().equals(Ops.PING)
                    ? "; it may or may not have been delivered" : "";
            complete(entry, Frames.localError(entry.op(), Frames.TIMEOUT,
                    "no reply within " + replyTimeoutMillis / 1000 + " s" + note));
        }
    }

    private void complete(Entry entry, JsonObject reply) {
        entry.cancelTimer.run();
        if (entry.visible) {
            visibleReplies.accept(entry.request, reply);
        }
        entry.promise.tryComplete(reply);
    }
}
