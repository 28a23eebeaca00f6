package dev.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `parley server` in a separate JVM, as a user starts it (the test classpath stands in for the jar). */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Parley listening on [^ ]+:(\\d+) ");
    private static final Pattern OPS = Pattern.compile("ops https?://[^ ]+:(\\d+)\\)");
    private static final Pattern TLS = Pattern.compile(", tls [^ ]+:(\\d+)");
    private int opsPort = -1;
    private int tlsPort = -1;

    private final Process process;
    private final LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private ServerProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            // Each node's output is also kept in target/nodes/ for reading after a failure.
            Path log = Path.of("target", "nodes", "node-" + process.pid() + ".log");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var file = java.nio.file.Files.newBufferedWriter(java.nio.file.Files.createDirectories(log.getParent()).resolve(log.getFileName()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    file.write(line);
                    file.newLine();
                    file.flush();
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ServerProcess start(Map<String, String> env, String... args) throws java.io.IOException {
        return start(List.of("-Xmx256m"), env, args);
    }

    /** @param jvmArgs e.g. -Xmx1g */
    public static ServerProcess start(List<String> jvmArgs, Map<String, String> env, String... args) throws java.io.IOException {
        // SIGHUP back to its default: a test run started under nohup would otherwise pass "ignored" on to the
        // server, whose kill -HUP reload then never runs (env execs java: the pid stays the server's).
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=HUP",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.parley.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PARLEY_"));
        pb.environment().putAll(env);
        return new ServerProcess(pb.start());
    }

    /** Waits for the "listening" line and returns the port it names. */
    public int awaitPort() throws InterruptedException {
        // Generous: a JVM joining Hazelcast on a loaded 2-core machine can take far longer than usual.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = output.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && output.isEmpty()) break;
                continue;
            }
            all.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Matcher ops = OPS.matcher(line);
                if (ops.find()) opsPort = Integer.parseInt(ops.group(1));
                Matcher tls = TLS.matcher(line);
                if (tls.find()) tlsPort = Integer.parseInt(tls.group(1));
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("server did not start; output: " + all);
    }

    /** The TLS chat port printed at start, or -1. */
    public int tlsPort() {
        return tlsPort;
    }

    public long pid() {
        return process.pid();
    }

    /** The operations port printed at start, or -1. */
    public int opsPort() {
        return opsPort;
    }

    /** Waits for exit and returns the code; the output so far is in {@link #output()}. */
    public int awaitExit() throws InterruptedException {
        return awaitExit(30);
    }

    public int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) throw new AssertionError("server did not exit; output: " + output());
        return process.exitValue();
    }

    public String output() throws InterruptedException {
        Thread.onSpinWait();
        List<String> rest = new ArrayList<>();
        output.drainTo(rest);
        all.addAll(rest);
        return String.join("\n", all);
    }

    /** After the process exited: everything it wrote, up to the end of its output stream. */
    public String allOutput() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return output();
    }

    /** SIGKILL and wait: the process gets no chance to say goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a POSIX signal (e.g. STOP to freeze the JVM as a hung host would, CONT to resume it). */
    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** SIGTERM, as Kubernetes or Ctrl-C would send. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
