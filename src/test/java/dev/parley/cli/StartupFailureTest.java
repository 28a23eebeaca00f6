package dev.parley.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupFailureTest {

    @Test
    @DisplayName("with Redis down, a cluster node says what it waits for at each attempt, then fails naming the keys that fix it")
    void redisUnreachable() throws Exception {
        int deadRedis = freePort();
        int hazelcast = freePort();
        Map<String, String> env = Map.of("PARLEY_CLUSTER_REDIS_WAIT_SECONDS", "3", "PARLEY_OPS_PORT", "0");
        try (ServerProcess p = ServerProcess.start(env, "server", "--port", "0",
                "--data-dir", Files.createTempDirectory("parley-nored").toString(),
                "--cluster", "--redis", "redis://127.0.0.1:" + deadRedis, "--cluster-insecure",
                "--cluster-name", "startup-" + deadRedis, "--cluster-host", "127.0.0.1",
                "--cluster-port", Integer.toString(hazelcast))) {
            assertEquals(1, p.awaitExit());
            String out = p.output();
            assertTrue(out.contains("waiting for Redis at redis://127.0.0.1:" + deadRedis + " (attempt 1)"), out);
            assertTrue(out.contains("(attempt 2)"), "one line per attempt: " + out);
            assertTrue(out.contains("parley: cannot start: Redis at redis://127.0.0.1:" + deadRedis + " did not answer within 3 s"), out);
            assertTrue(out.contains("cluster.redis") && out.contains("PARLEY_CLUSTER_REDIS_WAIT_SECONDS"), out);
            assertFalse(out.contains("Exception in thread"), "no stack trace on the way out: " + out);
        }
    }

    static int freePort() throws IOException {
        return dev.parley.testkit.FreePorts.pick();
    }
}
