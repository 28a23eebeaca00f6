package dev.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `parley client` in its own JVM, driven through real pipes as a script would. */
final class ClientProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ClientProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (IOException ignored) {
                // exited
            }
        }, "client-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ClientProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.parley.Main", "client"));
        cmd.addAll(List.of(args));
        return new ClientProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Registers {@code user} (password 123456, then {@code name} if any) and logs in, as a script would. */
    void registerAndLogin(String user, String... name) throws IOException, InterruptedException {
        send(String.join(" ", "/register", user, "123456", String.join(" ", name)).strip());
        assertEquals("ok register " + user, await("ok register"));
        send("/login " + user + " 123456");
        assertEquals("ok login " + user, await("ok login"));
    }

    void closeInput() throws IOException {
        stdin.close();
    }

    String await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (String s : seen) {
            if (s.startsWith(prefix)) return s;
        }
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l == null) continue;
            seen.add(l);
            if (l.startsWith(prefix)) return l;
        }
        throw new AssertionError("no line starting with '" + prefix + "'; got " + seen);
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("client did not exit; output " + seen);
        lines.drainTo(seen);
        return process.exitValue();
    }

    List<String> output() {
        lines.drainTo(seen);
        return seen;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
