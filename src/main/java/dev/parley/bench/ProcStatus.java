package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a local process's resident memory from /proc/PID/status (Linux). */
final class ProcStatus {
    private ProcStatus() {
    }

    /** VmRSS in KiB, or -1 when the process or the field cannot be read. */
    static long rssKiB(long pid) {
        return field(pid, "VmRSS:");
    }

    /** User+system CPU seconds a process has used so far, or -1 (/proc/PID/stat, clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1-minute load average of the machine, or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU used by the server (when its pid is known) and by this generator over a window, so a
     * report can say who ran out of CPU.
     */
    static final class CpuWindow {
        private final long[] serverPids;
        private double server0 = -1;
        private double self0 = -1;
        private long t0;
        private double serverCores = -1;
        private double selfCores = -1;
        /** The servers' resident memory summed at the end of the window, KiB (-1: unknown). */
        private long serverRss = -1;

        /** {@code serverPids}: the node processes (several in a cluster: their CPU is summed). */
        CpuWindow(long... serverPids) {
            this.serverPids = serverPids;
        }

        private double serverSeconds() {
            if (serverPids.length == 0) return -1;
            double sum = 0;
            for (long pid : serverPids) {
                double s = cpuSeconds(pid);
                if (s < 0) return -1;
                sum += s;
            }
            return sum;
        }

        void start() {
            t0 = System.nanoTime();
            self0 = cpuSeconds(ProcessHandle.current().pid());
            server0 = serverSeconds();
        }

        void stop() {
            double wall = (System.nanoTime() - t0) / 1e9;
            if (wall <= 0 || self0 < 0) return;
            selfCores = (cpuSeconds(ProcessHandle.current().pid()) - self0) / wall;
            double s = serverSeconds();
            if (server0 >= 0 && s >= 0) serverCores = (s - server0) / wall;
            if (serverPids.length > 0) {
                serverRss = 0;
                for (long pid : serverPids) {
                    long kib = rssKiB(pid);
                    if (kib < 0) {
                        serverRss = -1;
                        break;
                    }
                    serverRss += kib;
                }
            }
        }

        void report(BenchResult r) {
            r.metric("machine load average (1 min)", loadAverage(), "");
            if (selfCores >= 0) r.metric("generator CPU", selfCores, "cores");
            if (serverCores >= 0) r.metric(serverPids.length > 1 ? "server CPU (all nodes)" : "server CPU", serverCores, "cores");
            if (serverRss >= 0) r.metric(serverPids.length > 1 ? "server RSS at window end (all nodes)" : "server RSS at window end", serverRss, "KiB");
        }
    }

    static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    String v = line.substring(name.length()).trim();
                    int sp = v.indexOf(' ');
                    return Long.parseLong(sp < 0 ? v : v.substring(0, sp));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
