package dev.parley.cli;

import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.e2e.SlowReaderFlood;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.parley.e2e.JsonClient.op;

/**
 * Not part of the suite (the name does not end in Test): the RSS of a separate server JVM before,
 * during and after a slow-reader flood, for docs/performance.md. Run it by name:
 * {@code mvn -o -q test -Dtest=SlowReaderRssMeasurement}. Sizes: -Dreaders (150), -Dsenders (4),
 * -Dmessages per sender (1000), -Dxmx (1g). With -Dport and -Dpid it measures a server already running
 * (e.g. an older build) instead of starting one.
 */
class SlowReaderRssMeasurement {
    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    @Test
    void measure() throws Exception {
        int readers = Integer.getInteger("readers", 150);
        int senders = Integer.getInteger("senders", 4);
        int messages = Integer.getInteger("messages", 1000);
        ServerProcess server = null;
        int port = Integer.getInteger("port", 0);
        long pid = Long.getLong("pid", 0);
        if (port == 0) {
            server = ServerProcess.start(List.of("-Xmx" + System.getProperty("xmx", "1g"), "-XX:NativeMemoryTracking=summary"),
                    Map.ofEntries(Map.entry("PARLEY_AUTH_PBKDF2_ITERATIONS", "1000"),
                            Map.entry("PARLEY_LIMITS_RATE_PER_SECOND", "100000"), Map.entry("PARLEY_LIMITS_RATE_BURST", "100000"),
                            Map.entry("PARLEY_LIMITS_EXEMPT_ADDRESSES", "127.0.0.1"),
                            // Every user registers and logs in from 127.0.0.1: lift the per-address account limits.
                            Map.entry("PARLEY_AUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR", "1000000"),
                            Map.entry("PARLEY_AUTH_REGISTRATIONS_PER_MINUTE", "1000000"),
                            Map.entry("PARLEY_AUTH_LOGIN_ATTEMPTS_PER_ADDRESS", "1000000"),
                            Map.entry("PARLEY_SERVER_HOST", "127.0.0.1"), Map.entry("PARLEY_OPS_HOST", "127.0.0.1"),
                            Map.entry("PARLEY_OPS_PORT", "0")),
                    "server", "--port", "0", "--data-dir", Files.createTempDirectory("parley-rss").toString());
            port = server.awaitPort();
            pid = server.pid();
        }
        long serverPid = pid;
        String prefix = "rss" + System.nanoTime() % 100_000;
        List<JsonClient> all = new ArrayList<>();
        try (SlowReaderFlood flood = new SlowReaderFlood(port, prefix)) {
            JsonClient observer = login(port, prefix + ".observer");
            all.add(observer);
            List<JsonClient> floodSenders = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                JsonClient s = login(port, prefix + ".sender" + i);
                floodSenders.add(s);
                all.add(s);
            }
            flood.openNonReaders(readers);
            observer.request(op("ping"));
            long before = rssKib(serverPid);
            String nmtBefore = nmt(serverPid, "before");
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKib(serverPid), Math::max);
                    try {
                        Thread.sleep(100);   // a sampling period, not a wait for a condition
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long t0 = System.nanoTime();
            int sent = SlowReaderFlood.flood(floodSenders, messages, Duration.ofSeconds(120), () -> false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long end = rssKib(serverPid);
            String observerFate = observer.closedByServer()
                    ? "observer dropped: " + observer.log().stream().filter(f -> "bye".equals(f.path("op").asText())).toList()
                    : "observer still connected, " + observer.log().stream().filter(f -> "message".equals(f.path("op").asText())).count()
                    + " messages received";
            List<Long> after = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread.sleep(5000);   // RSS over time after the flood: there is no event to await
                after.add(rssKib(serverPid));
            }
            sampler.interrupt();
            String metrics = "";
            try {
                for (String line : Http.get(Integer.getInteger("opsPort", server == null ? -1 : server.opsPort()), "/metrics")
                        .body().split("\n")) {
                    if (line.startsWith("parley_pending_output") || line.startsWith("parley_byes")) metrics += "\n  " + line;
                }
            } catch (RuntimeException noOps) {
                metrics = " (no ops port)";
            }
            String nmt = nmtBefore + nmt(serverPid, "after");
            jcmd(serverPid, "GC.run");
            long afterGc = rssKib(serverPid);
            metrics += nmt + "\n  RSS after jcmd GC.run: " + afterGc / 1024 + " MiB";
            System.out.printf("RSS MEASUREMENT: %d non-readers, %d senders, %d messages of ~4,000 chars sent in %.1f s%n"
                            + "  server RSS before %d MiB, peak %d MiB, at flood end %d MiB, after +5/+10/+15/+20 s: %s MiB%n  %s%s%n",
                    readers, senders, sent, seconds, before / 1024, peak.get() / 1024, end / 1024,
                    after.stream().map(k -> Long.toString(k / 1024)).toList(), observerFate, metrics);
        } finally {
            all.forEach(JsonClient::close);
            if (server != null) {
                server.terminate();
                server.awaitExit();
            }
        }
    }

    /** Native memory tracking: committed Java heap, "Other" (direct buffers) and the total. */
    private static String nmt(long pid, String when) {
        return jcmd(pid, "VM.native_memory", "summary").lines()
                .filter(l -> l.contains("Java Heap (reserved") || l.contains("Other (reserved") || l.startsWith("Total:"))
                .map(String::trim).reduce("", (x, y) -> x + "\n  NMT " + when + " " + y);
    }

    private static String jcmd(long pid, String... command) {
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid)));
            cmd.addAll(List.of(command));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "jcmd failed: " + e;
        }
    }

    private static JsonClient login(int port, String user) {
        JsonClient c = JsonClient.connect(port);
        c.registerIfNeeded(user, "123456");
        c.login(user, "123456");
        return c;
    }
}
