package dev.parley.store;

import dev.parley.testkit.Await;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for tests: a free loopback port (never 6379), a temporary directory, no persistence.
 * {@link #stop()} then {@link #startAgain()} on the same port simulates an outage; {@link #kill()} a crash.
 */
public final class RedisServer implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 10_000;

    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private volatile Process process;

    private RedisServer(int port, Path dir, List<String> extraArgs) {
        this.port = port;
        this.dir = dir;
        this.extraArgs = extraArgs;
        // A test JVM that dies mid-suite must not leave servers behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyQuietly, "redis-server-cleanup"));
    }

    /** Starts a server; {@code extraArgs} are passed on, e.g. "--requirepass", "secret". */
    public static RedisServer start(String... extraArgs) {
        String exe = executable();
        try {
            RedisServer s = new RedisServer(freePort(), Files.createTempDirectory("parley-redis"), List.of(extraArgs));
            s.spawn(exe);
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the server again on the same port, after {@link #stop()} or {@link #kill()}; its data is gone. */
    public synchronized void startAgain() {
        if (running()) throw new IllegalStateException("redis-server already running on port " + port);
        spawn(executable());
    }

    /** Stop and start on the same port: clients see their connections drop and the data and scripts gone. */
    public synchronized void restart() {
        stop();
        startAgain();
    }

    /** Sends a POSIX signal to the server (STOP freezes it with its sockets open, CONT resumes it). */
    public void signal(String name) {
        Process p = process;
        if (p == null) throw new IllegalStateException("redis-server not running on port " + port);
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful stop (SIGTERM), waiting until the process has exited and the port is free. */
    public synchronized void stop() {
        if (process == null) return;
        process.destroy();
        awaitExit();
    }

    /** Abrupt stop (SIGKILL), waiting until the process has exited. */
    public synchronized void kill() {
        if (process == null) return;
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        stop();
    }

    private void spawn(String exe) {
        List<String> cmd = new ArrayList<>(List.of(exe, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        cmd.addAll(extraArgs);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd, e);
        }
        awaitAnswer();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void destroyQuietly() {
        Process p = process;
        if (p != null) p.destroyForcibly();
    }

    // Up means it answers a command: +PONG, or -NOAUTH when started with a password.
    private void awaitAnswer() {
        boolean answers = Await.latest(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": " + log());
            }
            return answersPing();
        }, up -> up, Duration.ofMillis(START_TIMEOUT_MS), Duration.ofMillis(20));
        if (answers) return;
        destroyQuietly();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                + START_TIMEOUT_MS + " ms: " + log());
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            String reply = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String executable() {
        String explicit = System.getenv("REDIS_SERVER");
        if (explicit != null && !explicit.isBlank()) return explicit;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "redis-server");
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new IllegalStateException("redis-server is not installed (not on PATH, and REDIS_SERVER is unset). "
                + "The Redis store tests need a real Redis: run ./test.sh, which installs it, "
                + "or apt-get install redis-server");
    }

    // Below the ephemeral range (so no outgoing connection takes it before Redis binds), never 6379.
    public static int freePort() throws IOException {
        return dev.parley.testkit.FreePorts.pick();
    }
}
