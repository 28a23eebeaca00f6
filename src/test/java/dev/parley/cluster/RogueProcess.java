package dev.parley.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@link RogueNode} in its own JVM, with the test classpath (parley.jar's classes); stopped by its PID. */
final class RogueProcess implements AutoCloseable {
    private final Process process;
    private final List<String> facts = new CopyOnWriteArrayList<>();

    private RogueProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "rogue-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RogueProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), RogueNode.class.getName()));
        cmd.addAll(List.of(args));
        return new RogueProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private void read() {
        Path log = Path.of("target", "nodes", "rogue-" + process.pid() + ".log");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var file = Files.newBufferedWriter(Files.createDirectories(log.getParent()).resolve(log.getFileName()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ROGUE ")) facts.add(line.substring(6));
                file.write(line);
                file.newLine();
                file.flush();
            }
        } catch (IOException ignored) {
            // process gone
        }
    }

    /** Waits for a fact starting with {@code prefix} and returns it. */
    String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String f : facts) if (f.startsWith(prefix)) return f;
            if (!process.isAlive()) break;
            Thread.sleep(50); // polling the output, bounded by the deadline
        }
        for (String f : facts) if (f.startsWith(prefix)) return f;
        throw new AssertionError("rogue did not report " + prefix + " within " + seconds + " s; reported " + facts
                + " (full output in target/nodes/rogue-" + process.pid() + ".log)");
    }

    List<String> facts() {
        return List.copyOf(facts);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the rogue leaves when its stdin closes
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
