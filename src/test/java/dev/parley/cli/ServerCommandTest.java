package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.JsonClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.parley.store.RedisServer;
import dev.parley.testkit.TestCerts;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandTest {

    @Test
    @DisplayName("on Linux x86-64 the server runs on Netty's epoll and names it in its start line; server.nativeTransport=false runs on NIO; both serve")
    void transportIsNamedAndServes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").equals("amd64"), "epoll is shipped for Linux x86-64 only");
        for (String nativeTransport : List.of("true", "false")) {
            try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_AUTH_PBKDF2_ITERATIONS", "1000", "PARLEY_OPS_PORT", "0",
                            "PARLEY_SERVER_NATIVE_TRANSPORT", nativeTransport),
                    "server", "--port", "0", "--data-dir", Files.createTempDirectory("parley-transport").toString())) {
                int port = p.awaitPort();
                String transport = nativeTransport.equals("true") ? "epoll" : "nio";
                assertTrue(p.output().contains(", " + transport + ", "), "start line names " + transport + ": " + p.output());
                try (JsonClient c = JsonClient.connect(port)) {
                    c.registerIfNeeded("t", "123456");
                    c.login("t", "123456");
                    assertTrue(c.say("over " + transport).path("ok").asBoolean());
                }
            }
        }
    }

    @Test
    @DisplayName("server --port 0 prints the port it picked, serves it, and on SIGTERM says bye SHUTDOWN and exits")
    void startServeAndTerminate() throws Exception {
        Path data = Files.createTempDirectory("parley-cli");
        try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_AUTH_PBKDF2_ITERATIONS", "1000", "PARLEY_OPS_PORT", "0"),
                "server", "--port", "0", "--data-dir", data.toString())) {
            int port = p.awaitPort();
            try (JsonClient watcher = JsonClient.connect(port); JsonClient c = JsonClient.connect(port)) {
                watcher.registerIfNeeded("w", "123456");
                watcher.login("w", "123456");
                c.registerIfNeeded("u", "123456");
                c.login("u", "123456");
                p.terminate();
                JsonNode bye = c.awaitOp("bye");
                assertEquals("SHUTDOWN", bye.path("reason").asText());
                c.awaitClosed();
            }
            int code = p.awaitExit();
            assertTrue(code == 0 || code == 143, "exit code " + code);
            String out = p.allOutput();
            assertFalse(out.contains("Exception") || out.contains("\tat "), "a clean shutdown prints no stack trace: " + out);
            assertTrue(Files.exists(data.resolve("parley.mv.db")), "the store was created in --data-dir");
        }
    }

    @Test
    @DisplayName("an invalid setting stops the server with a message naming the key and a non-zero exit")
    void invalidConfig() throws Exception {
        try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_LIMITS_MAX_FRAME_BYTES", "lots"), "server", "--port", "0")) {
            assertEquals(2, p.awaitExit());
            assertTrue(p.output().contains("limits.maxFrameBytes: expected a whole number, got 'lots'"), p.output());
        }
    }

    @Test
    @DisplayName("an unknown flag is refused with the usage")
    void unknownFlag() throws Exception {
        try (ServerProcess p = ServerProcess.start(Map.of(), "server", "--prot", "1")) {
            assertEquals(2, p.awaitExit());
            assertTrue(p.output().contains("unknown option '--prot'"), p.output());
        }
    }

    @Test
    @DisplayName("a cluster node without event-bus TLS refuses to start, naming the keys, the flags and bin/parley-certs")
    void clusterWithoutTlsRefused() throws Exception {
        try (ServerProcess p = ServerProcess.start(Map.of(), "server", "--port", "0", "--cluster", "--redis", "redis://127.0.0.1:1")) {
            assertEquals(2, p.awaitExit());
            String out = p.output();
            for (String s : new String[]{"cluster.tlsCert", "--cluster-tls-cert", "bin/parley-certs", "--cluster-insecure"}) {
                assertTrue(out.contains(s), s + " in " + out);
            }
        }
    }

    @Test
    @DisplayName("a cluster node whose ops port is taken exits at once naming the port, the flag, the variable and the key")
    void opsPortInUse() throws Exception {
        TestCerts certs = TestCerts.create();
        try (RedisServer redis = RedisServer.start(); ServerSocket taken = new ServerSocket(0)) {
            int hz = RedisServer.freePort();
            long start = System.nanoTime();
            try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_SERVER_HOST", "127.0.0.1"), "server", "--port", "0",
                    "--ops-port", Integer.toString(taken.getLocalPort()), "--data-dir", Files.createTempDirectory("parley-cli").toString(),
                    "--cluster", "--redis", redis.uri(), "--cluster-name", "ops-" + System.nanoTime(),
                    "--cluster-host", "127.0.0.1", "--cluster-port", Integer.toString(hz), "--cluster-members", "127.0.0.1:" + hz,
                    "--cluster-tls-cert", certs.cert().toString(), "--cluster-tls-key", certs.key().toString(),
                    "--cluster-tls-ca", certs.ca().toString())) {
                // Before: it hung for the 60 s start timeout, then said "cannot start: null".
                assertEquals(1, p.awaitExit(90));
                String out = p.output();
                assertTrue(out.contains("ops port " + taken.getLocalPort() + " is in use: choose another with --ops-port or PARLEY_OPS_PORT (ops.port)"), out);
                assertFalse(out.contains("cannot start: null"), out);
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "exited before the old 60 s start timeout");
            }
        }
    }

    @Test
    @DisplayName("a data directory that cannot be used (a file in the way, or another node's store) stops the start naming store.dataDir and --data-dir")
    void dataDirUnusable() throws Exception {
        Path file = Files.createTempFile("parley-not-a-dir", "");
        try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_OPS_PORT", "0"), "server", "--port", "0",
                "--data-dir", file.resolve("data").toString())) {
            assertEquals(1, p.awaitExit(60));
            String out = p.allOutput();
            assertTrue(out.contains("parley: cannot start: store.dataDir: cannot open the embedded store in " + file.resolve("data")), out);
            assertTrue(out.contains("--data-dir or PARLEY_STORE_DATA_DIR"), out);
        }
        Path shared = Files.createTempDirectory("parley-shared");
        try (ServerProcess first = ServerProcess.start(Map.of("PARLEY_OPS_PORT", "0"), "server", "--port", "0", "--data-dir", shared.toString())) {
            first.awaitPort();
            try (ServerProcess second = ServerProcess.start(Map.of("PARLEY_OPS_PORT", "0"), "server", "--port", "0",
                    "--data-dir", shared.toString())) {
                assertEquals(1, second.awaitExit(60));
                assertTrue(second.allOutput().contains("store.dataDir: cannot open the embedded store in " + shared), second.output());
            }
        }
    }

    @Test
    @DisplayName("a chat port already in use stops the start at once, naming the port, --port, PARLEY_SERVER_PORT and server.port")
    void chatPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_OPS_PORT", "0"), "server",
                    "--port", Integer.toString(taken.getLocalPort()), "--data-dir", Files.createTempDirectory("parley-cli").toString())) {
                assertEquals(1, p.awaitExit(60));
                String out = p.allOutput();
                assertTrue(out.contains("parley: cannot start: server.port: chat port " + taken.getLocalPort()
                        + " is in use: choose another with --port or PARLEY_SERVER_PORT (server.port)"), out);
                assertFalse(out.contains("Exception"), "no stack trace: " + out);
            }
        }
    }

    @Test
    @DisplayName("a cluster node whose certificate the configured CA did not sign refuses to start, naming the keys")
    void certificateOfAnotherCaRefused() throws Exception {
        TestCerts mine = TestCerts.create();
        TestCerts other = TestCerts.create();
        int hz = RedisServer.freePort();
        // The check runs before Redis is used: no Redis is needed to see it fail.
        try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_OPS_PORT", "0"), "server", "--port", "0",
                "--data-dir", Files.createTempDirectory("parley-cli").toString(),
                "--cluster", "--redis", "redis://127.0.0.1:1", "--cluster-name", "ca-" + System.nanoTime(),
                "--cluster-host", "127.0.0.1", "--cluster-port", Integer.toString(hz), "--cluster-members", "127.0.0.1:" + hz,
                "--cluster-tls-cert", mine.cert().toString(), "--cluster-tls-key", mine.key().toString(),
                "--cluster-tls-ca", other.ca().toString())) {
            assertEquals(1, p.awaitExit(90));
            assertTrue(p.output().contains("cluster.tlsCert: this node's certificate " + mine.cert()
                    + " with key " + mine.key() + " is not accepted under cluster.tlsCa " + other.ca()), p.output());
        }
    }
}
