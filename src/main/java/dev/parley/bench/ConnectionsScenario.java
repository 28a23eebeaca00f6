package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * N logged-in idle sessions: how fast they come up, whether the server keeps them all, and (with
 * --server-pid, same machine) the server's RSS per session read from /proc/PID/status before the
 * first connection and after the last login has settled.
 */
final class ConnectionsScenario {
    private final BenchOptions o;
    private final Generator g;

    ConnectionsScenario(BenchOptions o, Generator g) {
        this.o = o;
        this.g = g;
    }

    BenchResult run() {
        int n = o.connections;
        BenchResult r = new BenchResult("connections").param("connections", n)
                .param("concurrency", o.concurrency).param("hold", o.durationSeconds)
                .param("source addresses", g.sourceAddresses().size());
        if (o.serverPid > 0) r.param("server pid", o.serverPid);
        long rssBefore = o.serverPid > 0 ? ProcStatus.rssKiB(o.serverPid) : -1;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(o.user("c", i));
        Sessions sessions = new Sessions(g, o);
        ProcStatus.CpuWindow cpu = new ProcStatus.CpuWindow(o.serverPid);
        cpu.start();
        g.call(() -> sessions.open(users, LoadClient::discardInput), o.setupTimeoutSeconds);
        sessions.report(r, "idle");
        // Every login announces itself to everyone already in: wait for that traffic to stop.
        double settleBudget = Math.max(10, o.setupTimeoutSeconds);
        long quietFrom = System.nanoTime();
        long lastBytes = -1;
        long settleStart = System.nanoTime();
        while (System.nanoTime() - settleStart < settleBudget * 1e9) {
            long bytes = g.onLoop(sessions::bytesReceived);
            if (bytes != lastBytes) {
                lastBytes = bytes;
                quietFrom = System.nanoTime();
            } else if (System.nanoTime() - quietFrom >= o.settleSeconds * 1e9) {
                break;
            }
            sleep(100);
        }
        double settled = (System.nanoTime() - sessions.finishedNanos) / 1e9;
        cpu.stop();
        r.metric("settle after last login", settled, "s");
        r.metric("bytes received", lastBytes, "B");
        long rssAfter = o.serverPid > 0 ? ProcStatus.rssKiB(o.serverPid) : -1;
        sleep((long) (o.durationSeconds * 1000));
        long rssEnd = o.serverPid > 0 ? ProcStatus.rssKiB(o.serverPid) : -1;
        int closed = g.onLoop(sessions::closedByServer);
        int alive = sessions.clients.size() - closed;
        r.metric("sessions alive after hold", alive, "");
        r.mustBeZero("closed by server", closed);
        cpu.report(r);
        if (o.serverPid > 0) {
            if (rssBefore < 0 || rssAfter < 0) {
                r.note("could not read /proc/" + o.serverPid + "/status");
            } else {
                r.metric("server RSS before", rssBefore, "KiB")
                        .metric("server RSS after logins", rssAfter, "KiB")
                        .metric("server RSS after hold", rssEnd, "KiB")
                        .metric("server RSS per session", alive == 0 ? 0 : (double) (rssEnd - rssBefore) / alive, "KiB");
                r.note("RSS from /proc/PID/status VmRSS (same machine only); it includes heap not yet collected");
            }
        }
        String bye = g.onLoop(sessions::firstBye);
        if (bye != null) r.note("server said: " + bye);
        g.onLoop(() -> { sessions.closeAll(); return null; });
        g.call(() -> g.sleep(500), 10);
        return r;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
