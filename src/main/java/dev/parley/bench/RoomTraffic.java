package dev.parley.bench;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Group traffic over a {@link RoomLayout}: every stream (a sender in one of its rooms) sends at R msg/s
 * (open loop) or keeps W says in flight (flat out). Every delivery is checked at its receiver by a
 * {@link DeliveryCheck} (lost, duplicated, misdelivered); latency is send-to-receive, the send time
 * travelling in the text. The fanout scenario is one layout (everyone in the default room), the rooms
 * scenario another.
 */
final class RoomTraffic {
    private static final byte[] SAY = Frames.opPrefix(Ops.SAY);

    private final BenchOptions o;
    private final Generator g;
    private final RoomLayout layout;
    private final String role;
    private final int run = ThreadLocalRandom.current().nextInt(1000, 10000);
    /** 'F' in the default room (fanout), 'R' in named rooms: the text's first character. */
    private final char tag;
    private final byte[] marker;
    /** Per room, the {@code "room":"<name>"} its messages must carry; null for the default room (name unknown here). */
    private final byte[][] roomField;
    /** Deliveries; with several targets also split by sender and receiver on the same node / on different nodes. */
    private final NodeLatency latency = new NodeLatency();
    private int[] node;
    private final long[] fields = new long[3];
    private final ProcStatus.CpuWindow cpu;
    private final DeliveryCheck check;
    /** JSON lines or IRC (--proto). */
    private final ChatLines lines;
    private final SeqSet[] acked;
    private final long[] sent;
    private final int[] inFlight;
    private List<LoadClient> clients;
    private final LoadPhase phase = new LoadPhase();
    private long windowDeliveries;
    /** Messages of this run whose room field names another room than the sender's. */
    private long wrongRoom;
    /** Group messages without this run's marker (another generator's, or another run's) in the window. */
    private long otherDeliveries;
    private long windowSays;
    private long sayErrors;
    private String firstSayError;
    private long malformed;

    RoomTraffic(BenchOptions o, Generator g, RoomLayout layout, String role) {
        this.o = o;
        this.g = g;
        this.layout = layout;
        this.role = role;
        this.tag = layout.name(0) == null ? 'F' : 'R';
        this.lines = ChatLines.of(o);
        this.marker = lines.marker(tag, run);
        this.cpu = new ProcStatus.CpuWindow(o.serverPids);
        this.check = new DeliveryCheck(layout);
        int streams = layout.streams();
        acked = new SeqSet[streams];
        sent = new long[streams];
        inFlight = new int[streams];
        for (int k = 0; k < streams; k++) acked[k] = new SeqSet();
        roomField = new byte[layout.rooms][];
        for (int r = 0; r < layout.rooms; r++) {
            if (layout.name(r) != null) roomField[r] = Frames.ascii("\"" + Fields.ROOM + "\":\"" + layout.name(r) + "\"");
        }
    }

    /** The fanout scenario: M members of the default room, S of them sending. */
    static BenchResult fanout(BenchOptions o, Generator g) {
        BenchResult r = new BenchResult("fanout").param("members", o.members).param("senders", o.senders);
        return new RoomTraffic(o, g, RoomLayout.defaultRoom(o.members, o.senders), "f").run(r, users -> true);
    }

    private String user(int i) {
        return o.user(role, i);
    }

    /**
     * @param r        the result, with the scenario's own parameters
     * @param prepare  runs before the measured logins (the rooms scenario's join pass); false stops the run
     */
    BenchResult run(BenchResult r, Predicate<List<String>> prepare) {
        r.param(o.window > 0 ? "window" : "rate", o.window > 0 ? o.window : o.rate)
                .param("size", o.size).param("duration", o.durationSeconds).param("warmup", o.warmupSeconds);
        if (g.nodes() > 1) r.param("nodes", g.nodes());
        int n = layout.users;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(user(i));
        if (!prepare.test(users)) return r;
        node = new int[n];
        for (int i = 0; i < n; i++) node[i] = g.nodeOf(i);
        Sessions sessions = new Sessions(g, o);
        if (lines.irc()) {
            sessions.joining(o.channel);
            r.param("proto", "irc").param("channel", o.channel);
        }
        clients = sessions.openAll(users, this::onLine, r, layout.name(0) == null ? "members" : "users");
        if (clients == null) return r;
        awaitHoldFile();
        phase.run(g, o, cpu, () -> {
            for (int k = 0; k < acked.length; k++) for (int w = 0; w < o.window; w++) send(k);
        }, this::tick);
        // Drain while deliveries still arrive (a backlog is slow, not lost), bounded.
        double drainMax = Math.max(60, o.drainSeconds);
        boolean drained = g.call(() -> g.drain(this::drained, () -> check.unique + sayReplies(), o.drainSeconds, drainMax),
                drainMax + 30);
        long expected = g.onLoop(() -> check.expected(acked));
        long lost = g.onLoop(() -> check.lost(acked));
        long sentTotal = 0;
        long ackedTotal = 0;
        for (int k = 0; k < acked.length; k++) {
            sentTotal += sent[k];
            ackedTotal += acked[k].count();
        }
        r.metric("says sent", sentTotal, "")
                .metric("says acknowledged", ackedTotal, "")
                .metric("says/s", windowSays / o.durationSeconds, "msg/s");
        if (o.window == 0) r.metric("offered deliveries/s", acked.length * o.rate * (layout.roomSize - 1), "deliveries/s");
        r.metric("deliveries/s", windowDeliveries / o.durationSeconds, "deliveries/s")
                .metric("deliveries expected", expected, "")
                .metric("deliveries received", check.unique, "");
        latency.report(r, "latency", "deliveries", g.nodes() > 1);
        if (otherDeliveries > 0) {
            r.metric("other generators' deliveries/s", otherDeliveries / o.durationSeconds, "deliveries/s")
                    .note("other generators' deliveries: group messages in the window without this run's marker (another generator in the same rooms)");
        }
        if (g.nodes() > 1) {
            r.note("users round robin over " + g.nodes() + " nodes: " + o.targets + "; same-node = sender and receiver connected to the same node");
        }
        r.mustBeZero("lost", lost)
                .mustBeZero("duplicates", check.duplicates);
        if (layout.name(0) != null) {
            r.mustBeZero("misdelivered", check.misdelivered).mustBeZero("wrong room field", wrongRoom);
        }
        r.mustBeZero("say errors", sayErrors)
                .mustBeZero("unacknowledged says", sentTotal - ackedTotal - sayErrors)
                .mustBeZero("closed by server", sessions.closedByServer());
        cpu.report(r);
        if (malformed > 0) r.note(malformed + " unparseable benchmark texts");
        if (firstSayError != null) r.note("first say error: " + firstSayError);
        if (!drained) r.note("not drained: nothing arrived for " + o.drainSeconds + " s (or " + drainMax + " s passed) after the last send");
        String bye = g.onLoop(sessions::firstBye);
        if (bye != null) r.note("server said: " + bye);
        r.note("latency: send (just before the write) to receive, both on this generator's clock; sender excluded from its own message's recipients");
        if (layout.name(0) != null) {
            r.note("misdelivered: a message delivered to a user not in its room, or back to its sender");
        }
        g.onLoop(() -> { sessions.closeAll(); return null; });
        return r;
    }

    /** With --hold-file: waits (at most --setup-timeout) until it exists, so several generators start their load together. */
    private void awaitHoldFile() {
        if (o.holdFile == null) return;
        System.err.println("  ready: holding until " + o.holdFile + " exists (at most " + o.setupTimeoutSeconds + " s)");
        long end = System.nanoTime() + (long) (o.setupTimeoutSeconds * 1e9);
        while (!Files.exists(o.holdFile) && System.nanoTime() < end) g.call(() -> g.sleep(100), 10);
    }

    /** Rate mode, every millisecond: sends what each stream's schedule says is due. */
    private boolean tick() {
        if (!phase.sending) return false;
        long now = System.nanoTime();
        if (now >= phase.measureTo) return false;
        int streams = acked.length;
        for (int k = 0; k < streams; k++) {
            long n = Math.min(phase.due(now, o.rate, k, streams) - sent[k], 1000);
            for (long x = 0; x < n; x++) send(k);
        }
        return true;
    }

    /** The rid says which of its user's streams a say belongs to: seq * (its streams) + position. */
    private void send(int stream) {
        long seq = sent[stream]++;
        inFlight[stream]++;
        int user = layout.streamUser(stream);
        int[] mine = layout.streamsOf(user);
        int pos = 0;
        while (mine[pos] != stream) pos++;
        long rid = seq * mine.length + pos;
        String text = Texts.text(tag, run, stream, seq, System.nanoTime(), o.size);
        String room = layout.name(layout.streamRoom(stream));
        clients.get(user).send(lines.say(rid, room, text));
        if (!lines.acknowledges()) {
            // IRC does not answer a PRIVMSG: sent is as acknowledged as it gets (an error numeric counts as a say error).
            inFlight[stream]--;
            acked[stream].add(seq);
            long now = System.nanoTime();
            if (now >= phase.measureFrom && now < phase.measureTo) windowSays++;
        }
    }

    private void onLine(int receiver, byte[] b, int from, int to) {
        if (lines.isError(b, from, to)) {
            sayErrors++;
            if (firstSayError == null) firstSayError = Frames.string(b, from, Math.min(to, from + 300));
        } else if (lines.isMessage(b, from, to)) {
            int at = Frames.indexOf(b, from, to, marker);
            long now = System.nanoTime();
            if (at < 0) {
                if (now >= phase.measureFrom && now < phase.measureTo) otherDeliveries++;
                return;
            }
            if (!Frames.readFields(b, at + marker.length, to, fields) || fields[0] >= acked.length) {
                malformed++;
                return;
            }
            int stream = (int) fields[0];
            if (check.deliver(receiver, stream, fields[1]) != DeliveryCheck.Outcome.NEW) return;
            byte[] field = roomField[layout.streamRoom(stream)];
            if (field != null && Frames.indexOf(b, from, Math.min(to, at), field) < 0) wrongRoom++;
            long sentAt = fields[2];
            if (sentAt >= phase.measureFrom && sentAt < phase.measureTo) {
                latency.record(node[layout.streamUser(stream)] != node[receiver], now - sentAt);
            }
            if (now >= phase.measureFrom && now < phase.measureTo) windowDeliveries++;
        } else if (Frames.isOp(b, from, to, SAY) && layout.streamsOf(receiver).length > 0) {
            int[] mine = layout.streamsOf(receiver);
            long rid = Texts.rid(b, from, to, SAY.length);
            if (rid < 0) {
                sayErrors++;
                if (firstSayError == null) firstSayError = Frames.string(b, from, Math.min(to, from + 300));
                return;
            }
            int stream = mine[(int) (rid % mine.length)];
            inFlight[stream]--;
            if (Frames.ok(b, from, to)) {
                acked[stream].add(rid / mine.length);
                long now = System.nanoTime();
                if (now >= phase.measureFrom && now < phase.measureTo) windowSays++;
                if (o.window > 0 && phase.sending && now < phase.measureTo) send(stream);
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

    private boolean drained() {
        for (int x : inFlight) if (x > 0) return false;
        return check.unique >= check.expected(acked);
    }
}
