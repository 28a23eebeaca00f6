package dev.parley.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time by the same tool operators use ({@code bin/parley-certs}): a private CA
 * and one node certificate for localhost/127.0.0.1 that serves TLS and client authentication.
 */
public record TestCerts(Path dir) {

    /** Makes a fresh CA and node certificate in a new temporary directory. */
    public static TestCerts create(String... extraHosts) {
        try {
            Path dir = Files.createTempDirectory("parley-certs");
            List<String> cmd = new ArrayList<>(List.of(Path.of("bin/parley-certs").toAbsolutePath().toString(), dir.toString()));
            cmd.addAll(List.of(extraHosts));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("bin/parley-certs failed: " + out);
            }
            return new TestCerts(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path cert() {
        return dir.resolve("node.pem");
    }

    public Path key() {
        return dir.resolve("node-key.pem");
    }
}
