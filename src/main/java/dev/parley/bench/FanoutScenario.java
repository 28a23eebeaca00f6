package dev.parley.bench;

import dev.parley.protocol.Ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * M members in the room, S of them phase.sending at R msg/s each (open loop) or keeping W says in flight
 * (flat out). Every delivery is checked at its receiver against (sender, seq): lost and duplicated
 * deliveries are counted exactly; latency is send-to-receive, the send time travelling in the text.
 */
final class FanoutScenario {
    private static final byte[] SAY = Frames.opPrefix(Ops.SAY);

    private final BenchOptions o;
    private final Generator g;
    private final int run = ThreadLocalRandom.current().nextInt(1000, 10000);
    private final byte[] marker;
    private final LatencyHistogram latency = new LatencyHistogram();
    /** With several targets: deliveries whose sender and receiver are on the same node / on different nodes. */
    private final LatencyHistogram sameNode = new LatencyHistogram();
    private final LatencyHistogram crossNode = new LatencyHistogram();
    private int[] node;
    private final long[] fields = new long[3];
    private final ProcStatus.CpuWindow cpu;
    private final int m;
    private final int s;
    private SeqSet[][] seen;
    private SeqSet[] acked;
    private long[] sent;
    private int[] inFlight;
    private List<LoadClient> members;
    private final LoadPhase phase = new LoadPhase();
    private long unique;
    private long duplicates;
    private long windowDeliveries;
    private long windowSays;
    private long sayErrors;
    private String firstSayError;
    private long malformed;

    FanoutScenario(BenchOptions o, Generator g) {
        this.o = o;
        this.g = g;
        this.m = o.members;
        this.s = o.senders;
        this.marker = Texts.marker('F', run);
        this.cpu = new ProcStatus.CpuWindow(o.serverPids);
    }

    BenchResult run() {
        BenchResult r = new BenchResult("fanout")
                .param("members", m).param("senders", s)
                .param(o.window > 0 ? "window" : "rate", o.window > 0 ? o.window : o.rate)
                .param("size", o.size).param("duration", o.durationSeconds).param("warmup", o.warmupSeconds);
        if (g.nodes() > 1) r.param("nodes", g.nodes());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < m; i++) users.add(o.user("f", i));
        node = new int[m];
        for (int i = 0; i < m; i++) node[i] = g.nodeOf(i);
        Sessions sessions = new Sessions(g, o);
        members = new ArrayList<>(java.util.Collections.nCopies(m, (LoadClient) null));
        seen = new SeqSet[m][s];
        acked = new SeqSet[s];
        sent = new long[s];
        inFlight = new int[s];
        for (int i = 0; i < s; i++) acked[i] = new SeqSet();
        g.call(() -> sessions.open(users, c -> {
            members.set(c.index, c);
            c.listen((b, from, to) -> onLine(c.index, b, from, to));
        }), o.setupTimeoutSeconds);
        sessions.report(r, "members");
        if (sessions.failures > 0) {
            g.onLoop(() -> { sessions.closeAll(); return null; });
            return r.fail("not every member could log in");
        }
        // Let the presence announcements of the last logins pass before measuring.
        g.call(() -> g.sleep(500), 10);
        phase.run(g, o, cpu, () -> {
            for (int i = 0; i < s; i++) for (int k = 0; k < o.window; k++) send(i);
        }, this::tick);
        // Drain while deliveries still arrive (a backlog is slow, not lost), bounded.
        double drainMax = Math.max(60, o.drainSeconds);
        boolean drained = g.call(() -> g.drain(this::drained, () -> unique + sayReplies(), o.drainSeconds, drainMax),
                drainMax + 30);
        long expected = g.onLoop(this::expected);
        long lost = g.onLoop(this::lost);
        long sentTotal = 0;
        long ackedTotal = 0;
        for (int i = 0; i < s; i++) {
            sentTotal += sent[i];
            ackedTotal += acked[i].count();
        }
        r.metric("says sent", sentTotal, "")
                .metric("says acknowledged", ackedTotal, "")
                .metric("says/s", windowSays / o.durationSeconds, "msg/s");
        if (o.window == 0) r.metric("offered deliveries/s", s * o.rate * (m - 1), "deliveries/s");
        r.metric("deliveries/s", windowDeliveries / o.durationSeconds, "deliveries/s")
                .metric("deliveries expected", expected, "")
                .metric("deliveries received", unique, "")
                .metric("latency p50", latency.percentileMillis(50), "ms")
                .metric("latency p99", latency.percentileMillis(99), "ms")
                .metric("latency p99.9", latency.percentileMillis(99.9), "ms")
                .metric("latency max", latency.maxNanos() / 1e6, "ms");
        if (g.nodes() > 1) {
            r.metric("same-node deliveries measured", sameNode.count(), "")
                    .metric("same-node latency p50", sameNode.percentileMillis(50), "ms")
                    .metric("same-node latency p99", sameNode.percentileMillis(99), "ms")
                    .metric("same-node latency p99.9", sameNode.percentileMillis(99.9), "ms")
                    .metric("cross-node deliveries measured", crossNode.count(), "")
                    .metric("cross-node latency p50", crossNode.percentileMillis(50), "ms")
                    .metric("cross-node latency p99", crossNode.percentileMillis(99), "ms")
                    .metric("cross-node latency p99.9", crossNode.percentileMillis(99.9), "ms");
            r.note("members round robin over " + g.nodes() + " nodes: " + o.targets + "; same-node = sender and receiver connected to the same node");
        }
        r.mustBeZero("lost", lost)
                .mustBeZero("duplicates", duplicates)
                .mustBeZero("say errors", sayErrors)
                .mustBeZero("unacknowledged says", sentTotal - ackedTotal - sayErrors)
                .mustBeZero("closed by server", sessions.closedByServer());
        cpu.report(r);
        if (malformed > 0) r.note(malformed + " unparseable benchmark texts");
        if (firstSayError != null) r.note("first say error: " + firstSayError);
        if (!drained) r.note("not drained: nothing arrived for " + o.drainSeconds + " s (or " + drainMax + " s passed) after the last send");
        String bye = g.onLoop(sessions::firstBye);
        if (bye != null) r.note("server said: " + bye);
        r.note("latency: send (just before the write) to receive, both on this generator's clock; sender excluded from its own message's recipients");
        g.onLoop(() -> { sessions.closeAll(); return null; });
        return r;
    }

    /** Rate mode, every millisecond: sends what each sender's schedule says is due. */
    private boolean tick() {
        if (!phase.sending) return false;
        long now = System.nanoTime();
        if (now >= phase.measureTo) return false;
        double perNano = o.rate / 1e9;
        for (int i = 0; i < s; i++) {
            // Senders are staggered over one period so they do not all fire in the same millisecond.
            long due = (long) ((now - phase.startNanos) * perNano + (double) i / s) + 1;
            long n = Math.min(due - sent[i], 1000);
            for (long k = 0; k < n; k++) send(i);
        }
        return true;
    }

    private void send(int sender) {
        long seq = sent[sender]++;
        inFlight[sender]++;
        long now = System.nanoTime();
        members.get(sender).send(Texts.say(seq, Texts.text('F', run, sender, seq, now, o.size)));
    }

    private void onLine(int receiver, byte[] b, int from, int to) {
        if (Frames.isOp(b, from, to, Frames.OP_MESSAGE)) {
            int at = Frames.indexOf(b, from, to, marker);
            if (at < 0) return;
            long now = System.nanoTime();
            if (!Frames.readFields(b, at + marker.length, to, fields) || fields[0] >= s) {
                malformed++;
                return;
            }
            int sender = (int) fields[0];
            SeqSet set = seen[receiver][sender];
            if (set == null) seen[receiver][sender] = set = new SeqSet();
            if (!set.add(fields[1])) {
                duplicates++;
                return;
            }
            unique++;
            long sentAt = fields[2];
            if (sentAt >= phase.measureFrom && sentAt < phase.measureTo) {
                latency.record(now - sentAt);
                (node[sender] == node[receiver] ? sameNode : crossNode).record(now - sentAt);
            }
            if (now >= phase.measureFrom && now < phase.measureTo) windowDeliveries++;
        } else if (Frames.isOp(b, from, to, SAY) && receiver < s) {
            long rid = Texts.rid(b, from, to, SAY.length);
            inFlight[receiver]--;
            if (Frames.ok(b, from, to) && rid >= 0) {
                acked[receiver].add(rid);
                long now = System.nanoTime();
                if (now >= phase.measureFrom && now < phase.measureTo) windowSays++;
                if (o.window > 0 && phase.sending && now < phase.measureTo) send(receiver);
            } else {
                sayErrors++;
                if (firstSayError == null) firstSayError = Frames.string(b, from, Math.min(to, from + 300));
            }
        }
    }

    private long sayReplies() {
        long n = sayErrors;
        for (SeqSet a : acked) n += a.count();
        return n;
    }

    private long expected() {
        long n = 0;
        for (int i = 0; i < s; i++) n += acked[i].count() * (m - 1);
        return n;
    }

    private boolean drained() {
        for (int i = 0; i < s; i++) if (inFlight[i] > 0) return false;
        return unique >= expected();
    }

    private long lost() {
        long n = 0;
        for (int sender = 0; sender < s; sender++) {
            for (int receiver = 0; receiver < m; receiver++) {
                if (receiver == sender) continue;
                SeqSet got = seen[receiver][sender];
                n += got == null ? acked[sender].count() : got.missingFrom(acked[sender]);
            }
        }
        return n;
    }
}
