package dev.parley.chaos;

import dev.parley.cli.ServerProcess;
import dev.parley.e2e.Http;
import dev.parley.store.RedisServer;
import dev.parley.testkit.Await;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.TestCerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Redis (AOF, fsync on every write) and N Parley nodes as separate JVMs with a TLS event bus, each node on
 * fixed chat and Hazelcast ports so that a node killed and started again is where its clients left it.
 * Every process it starts is stopped in {@link #close()}.
 */
final class ChaosCluster implements AutoCloseable {
    /** A node silent this long is dead (Hazelcast and its Redis heartbeat key): the presence bound derives from it. */
    static final int NODE_TIMEOUT_SECONDS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final RedisServer redis;
    private final TestCerts certs = TestCerts.create();
    private final String clusterName = "parley-chaos-" + UUID.randomUUID().toString().substring(0, 8);
    private final int[] chatPorts;
    private final int[] hazelcastPorts;
    private final Path[] dataDirs;
    private final ServerProcess[] nodes;
    /** Every node process started, for their logs (ServerProcess keeps each in target/nodes/node-PID.log). */
    private final List<Long> launched = new CopyOnWriteArrayList<>();

    private ChaosCluster(int size) throws IOException {
        redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        chatPorts = new int[size];
        hazelcastPorts = new int[size];
        dataDirs = new Path[size];
        nodes = new ServerProcess[size];
        for (int i = 0; i < size; i++) {
            chatPorts[i] = FreePorts.pick();
            hazelcastPorts[i] = FreePorts.pick();
            dataDirs[i] = Files.createTempDirectory("parley-chaos-node");
        }
    }

    static ChaosCluster start(int size) throws Exception {
        ChaosCluster c = new ChaosCluster(size);
        try {
            for (int i = 0; i < size; i++) c.launch(i);
            for (int i = 0; i < size; i++) c.nodes[i].awaitPort();
            for (int i = 0; i < size; i++) c.awaitReady(i);
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    int size() {
        return nodes.length;
    }

    int port(int i) {
        return chatPorts[i];
    }

    int redisPort() {
        return redis.port();
    }

    List<Path> nodeLogs() {
        return launched.stream().map(pid -> Path.of("target", "nodes", "node-" + pid + ".log")).toList();
    }

    /** SIGKILL: the node says nothing to anyone. */
    void kill(int i) {
        nodes[i].kill();
    }

    /** Starts a killed node again on its old ports and waits until it is a ready member of the whole cluster. */
    void restart(int i) throws Exception {
        nodes[i].kill();
        launch(i);
        nodes[i].awaitPort();
        awaitReady(i);
    }

    void signal(int i, String name) throws Exception {
        nodes[i].signal(name);
    }

    /** SIGTERM then start on the same port and directory: with AOF every acknowledged write is still there. */
    void restartRedis() {
        redis.restart();
    }

    void signalRedis(String name) {
        redis.signal(name);
    }

    /** Waits until node i answers ready as one of all the cluster's members (joined, Redis and bus up). */
    void awaitReady(int i) {
        String want = "UP: " + nodes.length + " members";
        String last = Await.latest(() -> readiness(i), body -> body.contains(want), READY_TIMEOUT, Duration.ofMillis(200));
        if (!last.contains(want)) throw new AssertionError("node " + i + " not ready in a cluster of " + nodes.length + ": " + last);
    }

    private String readiness(int i) {
        try {
            return Http.get(nodes[i].opsPort(), "/health/ready").body();
        } catch (IllegalStateException e) {
            return "unreachable: " + e.getMessage();
        }
    }

    private void launch(int i) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_AUTH_PBKDF2_ITERATIONS", "1000");
        // Every simulated user connects from 127.0.0.1: per-address limits would count them as one client.
        env.put("PARLEY_AUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR", "1000000");
        env.put("PARLEY_AUTH_REGISTRATIONS_PER_MINUTE", "1000000");
        env.put("PARLEY_AUTH_LOGIN_ATTEMPTS_PER_ADDRESS", "1000000");
        env.put("PARLEY_AUTH_LOGIN_ATTEMPTS_PER_USER_ADDRESS", "1000000");
        env.put("PARLEY_AUTH_HASH_QUEUE_REGISTRATIONS", "100000");
        env.put("PARLEY_AUTH_HASH_QUEUE_LOGINS", "100000");
        env.put("PARLEY_SERVER_HOST", "127.0.0.1");
        env.put("PARLEY_OPS_PORT", "0");
        env.put("PARLEY_LIMITS_EXEMPT_ADDRESSES", "127.0.0.1");
        env.put("PARLEY_CLUSTER_NODE_TIMEOUT_SECONDS", Integer.toString(NODE_TIMEOUT_SECONDS));
        env.put("PARLEY_CLUSTER_TLS_CERT", certs.cert().toString());
        env.put("PARLEY_CLUSTER_TLS_KEY", certs.key().toString());
        env.put("PARLEY_CLUSTER_TLS_CA", certs.ca().toString());
        nodes[i] = ServerProcess.start(env, "server", "--port", Integer.toString(chatPorts[i]),
                "--data-dir", dataDirs[i].toString(),
                "--cluster", "--redis", redis.uri(), "--cluster-name", clusterName,
                "--cluster-host", "127.0.0.1", "--cluster-port", Integer.toString(hazelcastPorts[i]),
                "--cluster-members", Arrays.stream(hazelcastPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
        launched.add(nodes[i].pid());
    }

    @Override
    public void close() {
        for (ServerProcess n : nodes) {
            if (n == null) continue;
            n.kill();
        }
        try {
            redis.signal("CONT"); // a frozen redis-server would not take the SIGTERM
        } catch (IllegalStateException notRunning) {
            // nothing to resume
        }
        redis.close();
    }
}
