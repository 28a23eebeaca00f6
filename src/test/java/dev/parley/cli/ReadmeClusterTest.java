package dev.parley.cli;

import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the README's "A 3-node cluster on one machine" commands exactly as written, in bash, and checks
 * that users on the three nodes chat as one. The one stand-in: {@code bin/parley} is a two-line script
 * running the classes under test (the real one builds target/parley.jar with Maven first, which a test
 * running inside Maven must not do); {@code bin/parley-certs} is the real one. The commands use fixed
 * ports (6390, 8891-8893, 9091-9093, 5701-5703): the test fails at once, naming the port, if one is taken.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReadmeClusterTest {
    static final String SECTION = "## A 3-node cluster on one machine";
    static final int[] PORTS = {6390, 8891, 8892, 8893, 9091, 9092, 9093, 5701, 5702, 5703};

    /** The first sh block of the section, verbatim. */
    static String recipe() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(SECTION);
        if (section < 0) throw new AssertionError("README has no section '" + SECTION + "'");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    @DisplayName("the README's 3-node cluster commands, run verbatim, give three nodes that chat as one")
    void recipeWorksVerbatim() throws Exception {
        for (int port : PORTS) assertFree(port);
        Path dir = Files.createTempDirectory("parley-readme-cluster");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("parley-certs"), Path.of("bin/parley-certs").toAbsolutePath());
        Path parley = bin.resolve("parley");
        Files.writeString(parley, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Xmx256m -cp '" + System.getProperty("java.class.path") + "' dev.parley.Main \"$@\"\n");
        Files.setPosixFilePermissions(parley, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = Files.createDirectories(Path.of("target", "nodes")).resolve("readme-cluster.log").toAbsolutePath();
        // "wait" keeps the shell open as a terminal would, so every process it started is its descendant.
        Process shell = new ProcessBuilder("bash", "-c", recipe() + "\nwait\n").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            for (int ops = 9091; ops <= 9093; ops++) awaitReady(ops, shell, log);
            started.addAll(shell.descendants().toList());
            try (JsonClient a = login(8891, "readme-1"); JsonClient b = login(8892, "readme-2");
                 JsonClient c = login(8893, "readme-3")) {
                String text = "hello from node 1 at " + System.nanoTime();
                a.say(text);
                assertEquals("readme-1", b.awaitMessage(text).path("from").asText());
                assertEquals("readme-1", c.awaitMessage(text).path("from").asText());
                c.say(text + " (reply)");
                assertEquals("readme-3", a.awaitMessage(text + " (reply)").path("from").asText());
            }
        } finally {
            started.addAll(shell.descendants().toList());
            stop(started);
            shell.destroy();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static JsonClient login(int port, String user) {
        JsonClient c = JsonClient.connect(port);
        c.registerIfNeeded(user, "123456");
        c.login(user, "123456");
        return c;
    }

    /** SIGTERM each process by its PID, then SIGKILL whatever is still there. */
    private static void stop(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private static void awaitReady(int ops, Process shell, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String last = "";
        while (System.nanoTime() < deadline && shell.isAlive()) {
            try {
                Http.Response r = Http.get(ops, "/health/ready");
                last = r.status() + " " + r.body();
                if (r.status() == 200 && r.body().contains("3 members")) return;
            } catch (RuntimeException notYet) {
                last = String.valueOf(notYet.getMessage());
            }
            Thread.sleep(500); // polling readiness, bounded by the deadline
        }
        throw new AssertionError("node with ops port " + ops + " not ready in a 3-member cluster: " + last
                + "\noutput:\n" + Files.readString(log));
    }

    private static void assertFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is in use; the README's commands need it (" + e.getMessage() + ")");
        }
    }
}
