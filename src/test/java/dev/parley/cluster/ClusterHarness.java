package dev.parley.cluster;

import dev.parley.cli.ServerProcess;
import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.store.RedisServer;
import dev.parley.testkit.Await;
import dev.parley.testkit.TestCerts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real cluster on loopback: one redis-server on a free port and N Parley nodes, each its own JVM,
 * with distinct ports and a random cluster name so concurrent runs never meet.
 *
 * <p>Started by hand ({@code ClusterHarness.start(3)}) or as a JUnit extension that starts it before the class's
 * first test and closes it after its last: {@code @RegisterExtension static final ClusterHarness cluster =
 * ClusterHarness.perClass(3);}.
 */
final class ClusterHarness implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** Every node's ops.adminToken, so tests can drive the admin API on any node. */
    static final String ADMIN_TOKEN = "cluster-admin-token-0123456789";
    private final String clusterName = "parley-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final int size;
    private final boolean tls;
    /** Settings this cluster's nodes get on top of the defaults below (PARLEY_* environment names). */
    private final Map<String, String> extraEnv;
    private final String[] redisArgs;
    RedisServer redis;
    /** The cluster's CA and node certificate (mutual TLS on the event bus), or null for an insecure cluster. */
    TestCerts certs;
    private int[] hazelcastPorts;
    private ServerProcess[] nodes;
    private int[] chatPorts;
    private boolean closed;

    private ClusterHarness(int size, boolean tls, Map<String, String> extraEnv, String... redisArgs) {
        this.size = size;
        this.tls = tls;
        this.extraEnv = Map.copyOf(extraEnv);
        this.redisArgs = redisArgs.clone();
    }

    static ClusterHarness start(int size, String... redisArgs) throws InterruptedException {
        return start(size, true, redisArgs);
    }

    /** @param tls false runs the event bus with cluster.insecure (to show what TLS prevents) */
    static ClusterHarness start(int size, boolean tls, String... redisArgs) throws InterruptedException {
        return start(size, tls, Map.of(), redisArgs);
    }

    /** @param extraEnv node settings by environment name, e.g. PARLEY_LIMITS_SLOW_CONSUMER_BYTES */
    static ClusterHarness start(int size, boolean tls, Map<String, String> extraEnv, String... redisArgs)
            throws InterruptedException {
        ClusterHarness h = new ClusterHarness(size, tls, extraEnv, redisArgs);
        h.startAll();
        return h;
    }

    /** A cluster with event-bus TLS for one test class (a static {@code @RegisterExtension} field). */
    static ClusterHarness perClass(int size, String... redisArgs) {
        return perClass(size, true, Map.of(), redisArgs);
    }

    static ClusterHarness perClass(int size, boolean tls, Map<String, String> extraEnv, String... redisArgs) {
        return new ClusterHarness(size, tls, extraEnv, redisArgs);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        startAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startAll() throws InterruptedException {
        certs = tls ? TestCerts.create() : null;
        redis = RedisServer.start(redisArgs);
        hazelcastPorts = new int[size];
        for (int i = 0; i < size; i++) hazelcastPorts[i] = freePort();
        nodes = new ServerProcess[size];
        chatPorts = new int[size];
        try {
            for (int i = 0; i < size; i++) launch(i);
            for (int i = 0; i < size; i++) chatPorts[i] = nodes[i].awaitPort();
            for (int i = 0; i < size; i++) awaitMembers(i, size);
        } catch (RuntimeException | Error | InterruptedException e) {
            close(); // a node that failed to start must not leave the others (and Redis) running
            throw e;
        }
    }

    private void launch(int i) {
        String members = members();
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_AUTH_PBKDF2_ITERATIONS", "1000");
        // Every test user connects from 127.0.0.1: the per-address limits would count them as one client.
        env.put("PARLEY_AUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR", "1000000");
        env.put("PARLEY_AUTH_REGISTRATIONS_PER_MINUTE", "1000000");
        env.put("PARLEY_AUTH_LOGIN_ATTEMPTS_PER_ADDRESS", "1000000");
        env.put("PARLEY_AUTH_HASH_QUEUE_REGISTRATIONS", "100000");
        env.put("PARLEY_AUTH_HASH_QUEUE_LOGINS", "100000");
        env.put("PARLEY_SERVER_HOST", "127.0.0.1");
        env.put("PARLEY_OPS_PORT", "0");
        env.put("PARLEY_LIMITS_EXEMPT_ADDRESSES", "127.0.0.1");
        env.put("PARLEY_CLUSTER_NODE_TIMEOUT_SECONDS", "5");
        env.put("PARLEY_OPS_ADMIN_TOKEN", ADMIN_TOKEN);
        env.putAll(extraEnv);
        if (certs == null) {
            env.put("PARLEY_CLUSTER_INSECURE", "true");
        } else {
            env.put("PARLEY_CLUSTER_TLS_CERT", certs.cert().toString());
            env.put("PARLEY_CLUSTER_TLS_KEY", certs.key().toString());
            env.put("PARLEY_CLUSTER_TLS_CA", certs.ca().toString());
        }
        try {
            nodes[i] = ServerProcess.start(env, "server", "--port", "0",
                    "--data-dir", Files.createTempDirectory("parley-node").toString(),
                    "--cluster", "--redis", redis.uri(), "--cluster-name", clusterName,
                    "--cluster-host", "127.0.0.1", "--cluster-port", Integer.toString(hazelcastPorts[i]),
                    "--cluster-members", members);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts node i again (after a kill or a stop), on its old Hazelcast port. */
    void restart(int i) throws InterruptedException {
        nodes[i].kill();
        launch(i);
        chatPorts[i] = nodes[i].awaitPort();
    }

    /** Waits until node i answers ready as a member of a cluster of {@code size} (joined, Redis and bus up). */
    void awaitMembers(int i, int size) throws InterruptedException {
        String joined = "UP: " + size + " members";
        String body = Await.latest(() -> Http.get(opsPort(i), "/health/ready").body(), b -> b.contains(joined),
                Duration.ofSeconds(90), Duration.ofMillis(200));
        if (!body.contains(joined)) throw new AssertionError("node " + i + " not ready in a cluster of " + size + ": " + body);
    }

    int opsPort(int i) {
        return nodes[i].opsPort();
    }

    /** SIGTERM node i and wait for it to exit; returns its exit code. */
    int terminate(int i) throws InterruptedException {
        nodes[i].terminate();
        return nodes[i].awaitExit();
    }

    int port(int i) {
        return chatPorts[i];
    }

    String clusterName() {
        return clusterName;
    }

    /** The Hazelcast member list, host:port,host:port. */
    String members() {
        return java.util.Arrays.stream(hazelcastPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    JsonClient loggedIn(int node, String user) {
        JsonClient c = JsonClient.connect(port(node));
        c.registerAndLogin(user);
        return c;
    }

    /** Freezes (STOP) or resumes (CONT) node i: a hung JVM keeps its sockets open. */
    void signal(int i, String name) throws Exception {
        nodes[i].signal(name);
    }

    /** Node i's Hazelcast member address, host:port. */
    String hazelcastAddress(int i) {
        return "127.0.0.1:" + hazelcastPorts[i];
    }

    /** Node i's id on the event bus, as its log lines name it ("INFO  [node id] logger - ..."). */
    String nodeId(int i) throws InterruptedException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\S+ +[A-Z]+ +\\[([0-9a-f-]{36})\\] ").matcher(output(i));
        if (!m.find()) throw new AssertionError("no node id in the log of node " + i);
        return m.group(1);
    }

    /** Everything node i has written so far (its log). */
    String output(int i) throws InterruptedException {
        return nodes[i].output();
    }

    /** SIGKILL: no goodbye, no cleanup by the node itself. */
    void kill(int i) {
        nodes[i].kill();
    }

    @Override
    public void close() {
        if (redis == null || closed) return; // never started, or already closed after a failed start
        closed = true;
        List<RuntimeException> errors = new ArrayList<>();
        for (ServerProcess n : nodes) {
            try {
                if (n != null) n.close();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        redis.close();
        if (!errors.isEmpty()) throw errors.get(0);
    }

    static int freePort() {
        return dev.parley.testkit.FreePorts.pick();
    }
}
