package dev.parley.bench;

import dev.parley.protocol.Ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * K pairs: the first of each pair sends a private ping at R per second (or keeps W in flight), the
 * second answers each with a private pong carrying the ping's send time; the round trip is measured
 * at the first. Pings and pongs are tracked per pair by sequence number: lost and duplicated ones
 * are counted exactly.
 */
final class PrivateScenario {
    private static final byte[] MSG = Frames.opPrefix(Ops.MSG);

    private final BenchOptions o;
    private final Generator g;
    private final int run = ThreadLocalRandom.current().nextInt(1000, 10000);
    private final byte[] pingMarker;
    private final byte[] pongMarker;
    /** Round trips; with several targets also split by pairs whose two users are on the same node / on two nodes. */
    private final NodeLatency rtt = new NodeLatency();
    private boolean[] crossPair;
    private final long[] fields = new long[3];
    /** JSON lines or IRC (--proto). */
    private final ChatLines lines;
    private final ProcStatus.CpuWindow cpu;
    private final int k;
    private List<LoadClient> clients;
    private SeqSet[] pingsSeen;
    private SeqSet[] pongsSeen;
    private long[] sent;
    private final LoadPhase phase = new LoadPhase();
    private long pingsReceived;
    private long pongsReceived;
    private long duplicates;
    private long windowMessages;
    private long errors;
    private String firstError;
    private long malformed;

    /** Round trips per second per pair (rate mode): --rate, or --pair-rate in the cluster scenario. */
    private final double rate;

    PrivateScenario(BenchOptions o, Generator g) {
        this(o, g, o.rate);
    }

    PrivateScenario(BenchOptions o, Generator g, double rate) {
        this.rate = rate;
        this.o = o;
        this.g = g;
        this.k = o.pairs;
        this.lines = ChatLines.of(o);
        this.pingMarker = lines.marker('P', run);
        this.pongMarker = lines.marker('Q', run);
        this.cpu = new ProcStatus.CpuWindow(o.serverPids);
    }

    BenchResult run() {
        BenchResult r = new BenchResult("private")
                .param("pairs", k)
                .param(o.window > 0 ? "window" : "rate", o.window > 0 ? o.window : rate)
                .param("size", o.size).param("duration", o.durationSeconds).param("warmup", o.warmupSeconds);
        if (g.nodes() > 1) r.param("nodes", g.nodes());
        if (lines.irc()) r.param("proto", "irc");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 2 * k; i++) users.add(o.user("p", i));
        crossPair = new boolean[k];
        int crossPairs = 0;
        for (int p = 0; p < k; p++) {
            crossPair[p] = g.nodeOf(2 * p) != g.nodeOf(2 * p + 1);
            if (crossPair[p]) crossPairs++;
        }
        pingsSeen = new SeqSet[k];
        pongsSeen = new SeqSet[k];
        sent = new long[k];
        for (int i = 0; i < k; i++) {
            pingsSeen[i] = new SeqSet();
            pongsSeen[i] = new SeqSet();
        }
        Sessions sessions = new Sessions(g, o);
        clients = sessions.openAll(users, this::onLine, r, "users");
        if (clients == null) return r;
        phase.run(g, o, cpu, () -> {
            for (int p = 0; p < k; p++) for (int w = 0; w < o.window; w++) ping(p);
        }, this::tick);
        double drainMax = Math.max(60, o.drainSeconds);
        boolean drained = g.call(() -> g.drain(() -> pongsReceived + errors >= totalSent(),
                () -> pingsReceived + pongsReceived + errors, o.drainSeconds, drainMax), drainMax + 30);
        long pings = g.onLoop(this::totalSent);
        long lost = g.onLoop(() -> {
            long n = 0;
            for (int p = 0; p < k; p++) n += sent[p] - pongsSeen[p].count();
            return n;
        }) - errors;
        r.metric("pings sent", pings, "")
                .metric("pings received", pingsReceived, "")
                .metric("pongs received", pongsReceived, "");
        if (o.window == 0) r.metric("offered msg/s", 2 * k * rate, "msg/s");
        r.metric("msg/s", windowMessages / o.durationSeconds, "msg/s");
        if (g.nodes() > 1) r.metric("cross-node pairs", crossPairs, "");
        rtt.report(r, "round trip", "round trips", g.nodes() > 1);
        if (g.nodes() > 1) {
            r.note("users over " + g.nodes() + " nodes: " + o.targets + "; a cross-node round trip crosses twice (ping A->B, pong B->A)");
        }
        r.mustBeZero("lost", Math.max(0, lost))
                .mustBeZero("duplicates", duplicates)
                .mustBeZero("msg errors", errors)
                .mustBeZero("closed by server", sessions.closedByServer());
        cpu.report(r);
        if (malformed > 0) r.note(malformed + " unparseable benchmark texts");
        if (firstError != null) r.note("first msg error: " + firstError);
        if (!drained) r.note("not drained: nothing arrived for " + o.drainSeconds + " s (or " + drainMax + " s passed) after the last ping");
        r.note("msg/s counts pings and pongs delivered in the measured window; a round trip is two private messages");
        g.onLoop(() -> { sessions.closeAll(); return null; });
        return r;
    }

    private long totalSent() {
        long n = 0;
        for (long x : sent) n += x;
        return n;
    }

    private boolean tick() {
        if (!phase.sending) return false;
        long now = System.nanoTime();
        if (now >= phase.measureTo) return false;
        for (int p = 0; p < k; p++) {
            long n = Math.min(phase.due(now, rate, p, k) - sent[p], 1000);
            for (long x = 0; x < n; x++) ping(p);
        }
        return true;
    }

    private void ping(int pair) {
        long seq = sent[pair]++;
        clients.get(2 * pair).send(lines.msg(seq, clients.get(2 * pair + 1).user,
                Texts.text('P', run, pair, seq, System.nanoTime(), o.size)));
    }

    private void onLine(int index, byte[] b, int from, int to) {
        if (lines.isError(b, from, to)) {
            errors++;
            if (firstError == null) firstError = Frames.string(b, from, Math.min(to, from + 300));
        } else if (lines.isMessage(b, from, to)) {
            boolean isPing = (index & 1) == 1;
            byte[] marker = isPing ? pingMarker : pongMarker;
            int at = Frames.indexOf(b, from, to, marker);
            if (at < 0) return;
            long now = System.nanoTime();
            if (!Frames.readFields(b, at + marker.length, to, fields) || fields[0] != index / 2) {
                malformed++;
                return;
            }
            int pair = (int) fields[0];
            long seq = fields[1];
            long sentAt = fields[2];
            if (now >= phase.measureFrom && now < phase.measureTo) windowMessages++;
            if (isPing) {
                if (!pingsSeen[pair].add(seq)) {
                    duplicates++;
                    return;
                }
                pingsReceived++;
                clients.get(index).send(lines.msg(seq, clients.get(index - 1).user,
                        Texts.text('Q', run, pair, seq, sentAt, o.size)));
            } else {
                if (!pongsSeen[pair].add(seq)) {
                    duplicates++;
                    return;
                }
                pongsReceived++;
                if (sentAt >= phase.measureFrom && sentAt < phase.measureTo) {
                    rtt.record(crossPair[pair], now - sentAt);
                }
                if (o.window > 0 && phase.sending && now < phase.measureTo) ping(pair);
            }
        } else if (Frames.isOp(b, from, to, MSG)) {
            if (!Frames.ok(b, from, to)) {
                errors++;
                if (firstError == null) firstError = Frames.string(b, from, Math.min(to, from + 300));
            }
        }
    }
}
