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
        if (o.serverPids.length == 1) r.param("server pid", o.serverPid);
        if (o.serverPids.length > 1) r.param("server pids", java.util.Arrays.toString(o.serverPids));
        if (o.targets.size() > 1) r.param("targets", o.targets.toString());
        long[] before = rss(o.serverPids);
        long rssBefore = sum(before);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(o.user("c", i));
        Sessions sessions = new Sessions(g, o);
        ProcStatus.CpuWindow cpu = new ProcStatus.CpuWindow(o.serverPids);
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
        long rssAfter = sum(rss(o.serverPids));
        long holdEnd = System.nanoTime() + (long) (o.durationSeconds * 1e9);
        if (o.holdFile != null) System.err.println("  holding until " + o.holdFile + " exists (at most " + o.durationSeconds + " s)");
        while (System.nanoTime() < holdEnd && (o.holdFile == null || !java.nio.file.Files.exists(o.holdFile))) {
            sleep(Math.min(200, Math.max(1, (holdEnd - System.nanoTime()) / 1_000_000)));
        }
        r.metric("hold", (System.nanoTime() - holdEnd) / 1e9 + o.durationSeconds, "s");
        long[] end = rss(o.serverPids);
        long rssEnd = sum(end);
        int closed = g.onLoop(sessions::closedByServer);
        int alive = sessions.clients.size() - closed;
        r.metric("sessions alive after hold", alive, "");
        r.mustBeZero("closed by server", closed);
        cpu.report(r);
        if (o.serverPids.length > 0) {
            if (rssBefore < 0 || rssAfter < 0) {
                r.note("could not read /proc/PID/status of " + java.util.Arrays.toString(o.serverPids));
            } else {
                r.metric("server RSS before", rssBefore, "KiB")
                        .metric("server RSS after logins", rssAfter, "KiB")
                        .metric("server RSS after hold", rssEnd, "KiB")
                        .metric("server RSS per session", alive == 0 ? 0 : (double) (rssEnd - rssBefore) / alive, "KiB");
                if (o.serverPids.length > 1) {
                    for (int i = 0; i < end.length; i++) {
                        r.metric("node " + (i + 1) + " RSS before", before[i], "KiB").metric("node " + (i + 1) + " RSS after hold", end[i], "KiB");
                    }
                    r.note("server RSS figures are the sum over the " + o.serverPids.length + " node processes; other generators' sessions on the same nodes count too");
                }
                r.note("RSS from /proc/PID/status VmRSS (same machine only); it includes heap not yet collected");
            }
        }
        String bye = g.onLoop(sessions::firstBye);
        if (bye != null) r.note("server said: " + bye);
        g.onLoop(() -> { sessions.closeAll(); return null; });
        g.call(() -> g.sleep(500), 10);
        return r;
    }

    private static long[] rss(long[] pids) {
        long[] out = new long[pids.length];
        for (int i = 0; i < pids.length; i++) out[i] = ProcStatus.rssKiB(pids[i]);
        return out;
    }

    /** The sum, or -1 when there is nothing to sum or one could not be read. */
    private static long sum(long[] v) {
        if (v.length == 0) return -1;
        long s = 0;
        for (long x : v) {
            if (x < 0) return -1;
            s += x;
        }
        return s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
