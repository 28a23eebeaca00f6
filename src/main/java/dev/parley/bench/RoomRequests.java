package dev.parley.bench;

import dev.parley.protocol.Ops;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The join and part requests of the room scenarios: numbered, timed from send to reply, failures counted
 * by error code. Runs on the generator's event loop.
 */
final class RoomRequests {
    private static final byte[] JOIN = Frames.opPrefix(Ops.JOIN);
    private static final byte[] PART = Frames.opPrefix(Ops.PART);

    /** One request waiting for its reply. */
    record Pending(int user, int room, boolean join, long sentNanos) {
    }

    /** What the scenario does with an answered request. */
    interface Answer {
        void answered(Pending p, boolean ok, String errorCode, long now);
    }

    final LatencyHistogram joinLatency = new LatencyHistogram();
    final LatencyHistogram partLatency = new LatencyHistogram();
    /** Replies within [recordFrom, recordTo) of their send time are timed and counted (default: all). */
    long recordFrom;
    long recordTo = Long.MAX_VALUE;
    long joins;
    long parts;
    long answered;
    final Map<String, Long> errors = new TreeMap<>();
    String firstError;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long nextRid = 1_000_000;

    void join(LoadClient c, int room, String name) {
        long rid = nextRid++;
        pending.put(rid, new Pending(c.index, room, true, System.nanoTime()));
        c.send(Texts.join(rid, name));
    }

    void part(LoadClient c, int room, String name) {
        long rid = nextRid++;
        pending.put(rid, new Pending(c.index, room, false, System.nanoTime()));
        c.send(Texts.part(rid, name));
    }

    int pending() {
        return pending.size();
    }

    long errorCount() {
        long n = 0;
        for (long v : errors.values()) n += v;
        return n;
    }

    /** Reads a join or part reply (false: the line is something else) and hands its outcome to {@code then}. */
    boolean onLine(byte[] b, int from, int to, Answer then) {
        boolean join = Frames.isOp(b, from, to, JOIN);
        if (!join && !Frames.isOp(b, from, to, PART)) return false;
        Pending p = pending.remove(Texts.rid(b, from, to, (join ? JOIN : PART).length));
        if (p == null) return true;
        long now = System.nanoTime();
        boolean ok = Frames.ok(b, from, to);
        String code = ok ? null : Frames.errorCode(b, from, to);
        boolean counted = p.sentNanos >= recordFrom && p.sentNanos < recordTo;
        if (counted) {
            answered++;
            if (ok) {
                (join ? joinLatency : partLatency).record(now - p.sentNanos);
                if (join) joins++;
                else parts++;
            } else {
                errors.merge((join ? "join " : "part ") + code, 1L, Long::sum);
                if (firstError == null) firstError = Frames.string(b, from, Math.min(to, from + 300));
            }
        }
        then.answered(p, ok, code, now);
        return true;
    }

    /** Adds the counts, latencies and failures (must be zero) to a result, each name starting with {@code what}. */
    void report(BenchResult r, String what) {
        r.metric(what + "joins", joins, "").metric(what + "parts", parts, "");
        if (joins > 0) {
            r.metric(what + "join p50", joinLatency.percentileMillis(50), "ms")
                    .metric(what + "join p99", joinLatency.percentileMillis(99), "ms");
        }
        if (parts > 0) {
            r.metric(what + "part p50", partLatency.percentileMillis(50), "ms")
                    .metric(what + "part p99", partLatency.percentileMillis(99), "ms");
        }
        errors.forEach((code, n) -> r.metric(what + "failed: " + code, n, ""));
        r.mustBeZero(what + "join/part failures", errorCount());
        if (pending() > 0) r.mustBeZero(what + "unanswered join/part", pending());
        if (firstError != null) r.note("first " + what + "join/part failure: " + firstError);
    }
}
