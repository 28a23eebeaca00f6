package dev.parley.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with the real tool, {@code kubectl kustomize DIR}, as {@code kubectl apply -k} would. */
final class Kustomize {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The repository root (Maven runs tests there). */
    static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("k8s"))) throw new IllegalStateException("no k8s/ under " + dir);
        return dir;
    }

    /** Renders and parses {@code dir} (relative to the repository), once per test JVM. */
    static Rendered render(String dir) {
        return CACHE.computeIfAbsent(dir, d -> Rendered.parse(d, run(d)));
    }

    static String run(String dir) {
        Path out = null;
        try {
            out = Files.createTempFile("kustomize", ".yaml");
            Process p = new ProcessBuilder("kubectl", "kustomize", dir).directory(repo().toFile())
                    .redirectErrorStream(false).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " took over " + TIMEOUT_SECONDS + " s");
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            return Files.readString(out);
        } catch (IOException e) {
            throw new AssertionError("kubectl (with its built-in kustomize) is needed to render k8s/; "
                    + "it is installed on this project's machines: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (out != null) out.toFile().delete();
        }
    }
}
