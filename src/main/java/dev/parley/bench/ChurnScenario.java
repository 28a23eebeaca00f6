package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Membership churn: N logged-in users, each a member of a home room (user u: room u mod R, so no room ever
 * empties and no join creates one), join and part other rooms at a total of --churn-rate operations/s on an
 * open-loop schedule. Operation k is user k mod N's: a part of the room it joined last, or a join of the next
 * room after its home. Join and part reply latencies, failures by error code, the achieved rate.
 */
final class ChurnScenario {
    private final BenchOptions o;
    private final Generator g;
    private final int n;
    private final int rooms;
    private final RoomRequests requests = new RoomRequests();
    private final LoadPhase phase = new LoadPhase();
    private final ProcStatus.CpuWindow cpu;
    private List<LoadClient> clients;
    /** The room user u joined in the churn and has not parted, or -1. */
    private int[] current;
    /** True while user u's last operation is unanswered: its next one is skipped, not queued. */
    private boolean[] busy;
    private long issued;
    private long skipped;

    ChurnScenario(BenchOptions o, Generator g) {
        this.o = o;
        this.g = g;
        this.n = o.users;
        this.rooms = o.rooms;
        this.cpu = new ProcStatus.CpuWindow(o.serverPids);
    }

    private String name(int room) {
        return RoomLayout.roomName(o.roomPrefix, room);
    }

    BenchResult run() {
        BenchResult r = new BenchResult("churn").param("users", n).param("rooms", rooms).param("churn rate", o.churnRate)
                .param("room prefix", o.roomPrefix).param("duration", o.durationSeconds).param("warmup", o.warmupSeconds);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(o.user("c", i));
        if (!o.skipJoin) {
            if (!JoinPass.run(o, g, users, u -> new int[]{u % rooms}, this::name, r)) return r;
            o.skipRegister = true;
        }
        current = new int[n];
        java.util.Arrays.fill(current, -1);
        busy = new boolean[n];
        Sessions sessions = new Sessions(g, o);
        clients = sessions.openAll(users, (i, b, from, to) -> requests.onLine(b, from, to, this::answered), r, "users");
        if (clients == null) return r;
        phase.run(g, o, cpu, () -> {
        }, this::tick);
        double drainMax = Math.max(60, o.drainSeconds);
        boolean drained = g.call(() -> g.drain(() -> requests.pending() == 0, () -> requests.answered, o.drainSeconds, drainMax),
                drainMax + 30);
        r.metric("offered operations/s", o.churnRate, "ops/s")
                .metric("operations/s", requests.answered / o.durationSeconds, "ops/s")
                .metric("operations issued", issued, "")
                .metric("operations skipped (user's last one unanswered)", skipped, "");
        requests.report(r, "");
        r.mustBeZero("closed by server", sessions.closedByServer());
        cpu.report(r);
        if (!drained) r.note("not drained: " + requests.pending() + " joins/parts unanswered after " + drainMax + " s");
        r.note("operations/s: joins and parts sent in the measured window and answered, per second; latency: send to reply");
        String bye = g.onLoop(sessions::firstBye);
        if (bye != null) r.note("server said: " + bye);
        g.onLoop(() -> { sessions.closeAll(); return null; });
        return r;
    }

    /** Every millisecond: issues the operations the schedule says are due. */
    private boolean tick() {
        if (!phase.sending) return false;
        long now = System.nanoTime();
        if (now >= phase.measureTo) return false;
        requests.recordFrom = phase.measureFrom;
        requests.recordTo = phase.measureTo;
        long due = phase.due(now, o.churnRate, 0, 1);
        for (long k = issued; k < due && k < issued + 10_000; k++) operate(k);
        issued = Math.max(issued, Math.min(due, issued + 10_000));
        return true;
    }

    private void operate(long k) {
        int u = (int) (k % n);
        if (busy[u]) {
            skipped++;
            return;
        }
        busy[u] = true;
        LoadClient c = clients.get(u);
        if (current[u] >= 0) {
            requests.part(c, current[u], name(current[u]));
        } else {
            int home = u % rooms;
            int room = (int) ((home + 1 + (k / n) % (rooms - 1)) % rooms);
            requests.join(c, room, name(room));
        }
    }

    private void answered(RoomRequests.Pending p, boolean ok, String code, long now) {
        busy[p.user()] = false;
        if (p.join() && ok) current[p.user()] = p.room();
        else if (!p.join() && (ok || "NOT_IN_ROOM".equals(code))) current[p.user()] = -1;
    }
}
