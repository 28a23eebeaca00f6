package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.JsonClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandTest {

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
}
