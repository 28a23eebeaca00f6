package dev.parley.k8s;

import dev.parley.cli.ServerProcess;
import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.ops.OpsVerticle;
import dev.parley.store.RedisServer;
import dev.parley.testkit.Await;
import dev.parley.testkit.TestCerts;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three "pods" of the prod overlay on one machine: each node is a JVM started with exactly the
 * environment and arguments the rendered manifests give the Parley container, against a real
 * redis-server that requires the password of the rendered Secret. Only what cannot work outside
 * Kubernetes is overridden, each with its reason ({@link #overrides}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PodsOnOneMachineTest {
    static final int PODS = 3;
    static final String NAMESPACE = "default";

    static RedisServer redis;
    static final List<ServerProcess> nodes = new ArrayList<>();
    static final int[] chatPorts = new int[PODS];
    static final List<String> overrideLog = new ArrayList<>();
    static final TestCerts certs = TestCerts.create();

    @BeforeAll
    static void startPods() throws Exception {
        Rendered prod = Kustomize.render(ManifestTest.PROD);
        Container container = prod.parleyContainer();
        Path configFile = Files.createTempFile("parley-configmap", ".yaml");
        configFile.toFile().deleteOnExit();
        Files.writeString(configFile, prod.mountedConfigFile());

        List<Map<String, String>> envs = new ArrayList<>();
        List<List<String>> args = new ArrayList<>();
        for (int i = 0; i < PODS; i++) {
            // The kubelet's part: status.podIP (one shared loopback address here), the namespace, the Secret.
            Map<String, String> env = PodEnvironment.env(prod, container, Map.of(
                    "status.podIP", "127.0.0.1", "metadata.namespace", NAMESPACE, "metadata.name", "parley-" + i));
            envs.add(env);
            args.add(PodEnvironment.args(container, env));
        }
        String password = envs.get(0).get("PARLEY_CLUSTER_REDIS_PASSWORD");
        assertFalse(password == null || password.isBlank(), "the prod pod gets the Redis password from the Secret");
        redis = RedisServer.start("--requirepass", password);

        int[] hazelcastPorts = new int[PODS];
        for (int i = 0; i < PODS; i++) hazelcastPorts[i] = RedisServer.freePort();
        String members = java.util.Arrays.stream(hazelcastPorts).mapToObj(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
        String clusterName = "parley-pods-" + UUID.randomUUID().toString().substring(0, 8);

        for (int i = 0; i < PODS; i++) {
            Map<String, String> env = new LinkedHashMap<>(envs.get(i));
            Map<String, String> o = overrides(env, members, hazelcastPorts[i], clusterName);
            env.putAll(o);
            List<String> podArgs = new ArrayList<>(args.get(i));
            int config = podArgs.indexOf("--config");
            assertTrue(config > 0, "the pod passes --config: " + podArgs);
            // The ConfigMap volume at /etc/parley: the rendered parley.yaml, in a temporary file here.
            podArgs.set(config + 1, configFile.toString());
            if (i == 0) {
                o.forEach((k, v) -> overrideLog.add(k + "=" + v + " (was " + envs.get(0).get(k) + ")"));
                System.out.println("pods-on-one-machine overrides: " + overrideLog);
            }
            nodes.add(ServerProcess.start(env, podArgs.toArray(String[]::new)));
        }
        for (int i = 0; i < PODS; i++) chatPorts[i] = nodes.get(i).awaitPort();
        // The client Service sends users only to ready pods: so does this test.
        for (ServerProcess node : nodes) awaitReady(node.opsPort());
    }

    /**
     * What cannot be as in Kubernetes when three pods share one machine, and why; everything else is the
     * rendered environment unchanged.
     */
    static Map<String, String> overrides(Map<String, String> env, String members, int hazelcastPort,
                                         String clusterName) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        // No cluster DNS here: the headless Service's lookup becomes the same members listed by hand.
        o.put("PARLEY_CLUSTER_DISCOVERY", "tcp");
        o.put("PARLEY_CLUSTER_MEMBERS", members);
        // Pods have an IP each; here they share 127.0.0.1, so every listening port must differ.
        o.put("PARLEY_CLUSTER_PORT", Integer.toString(hazelcastPort));
        o.put("PARLEY_CLUSTER_EVENT_BUS_PORT", Integer.toString(RedisServer.freePort()));
        o.put("PARLEY_SERVER_PORT", "0");
        o.put("PARLEY_OPS_PORT", "0");
        // No Service DNS: the Redis Service's host:port becomes the test's redis-server (same scheme, same password).
        URI redisUri = URI.create(env.get("PARLEY_CLUSTER_REDIS"));
        o.put("PARLEY_CLUSTER_REDIS", redisUri.getScheme() + "://127.0.0.1:" + redis.port());
        // The emptyDir mounted at the data dir: a temporary directory, not /var/lib/parley of this machine.
        o.put("PARLEY_STORE_DATA_DIR", Files.createTempDirectory("parley-pod").toString());
        // The Secret's name is shared by every run of this test; other test clusters may run here at once.
        o.put("PARLEY_CLUSTER_NAME", clusterName);
        // The Secret volume parley-cluster: the same three PEM files, made by bin/parley-certs in a temp dir.
        for (String key : List.of("PARLEY_CLUSTER_TLS_CERT", "PARLEY_CLUSTER_TLS_KEY", "PARLEY_CLUSTER_TLS_CA")) {
            Path inPod = Path.of(env.get(key));
            o.put(key, certs.dir().resolve(inPod.getFileName()).toString());
        }
        return o;
    }

    @AfterAll
    static void stopPods() {
        nodes.forEach(ServerProcess::close);
        if (redis != null) redis.close();
    }

    private static JsonClient loggedIn(int pod, String user) {
        JsonClient c = JsonClient.connect(chatPorts[pod]);
        c.registerIfNeeded(user, "123456");
        c.login(user, "123456");
        return c;
    }

    @Test
    @DisplayName("a user on pod 1 and a user on pod 3 see each other and chat, in the group and privately")
    void usersOnDifferentPodsChat() {
        try (JsonClient first = loggedIn(0, "pod1-user"); JsonClient third = loggedIn(2, "pod3-user")) {
            first.awaitPresence("pod3-user", "online");
            first.say("hello from pod 1");
            assertEquals("pod1-user", third.awaitMessage("hello from pod 1").path("from").asText());
            assertFalse(third.msg("pod1-user", "hi pod 1").path("stored").asBoolean(), "delivered live, not mailed");
            assertEquals("private", first.awaitMessage("hi pod 1").path("kind").asText());
        }
    }

    @Test
    @DisplayName("every pod passes its liveness and readiness probes, as members of one 3-member cluster")
    void podsAreReady() throws Exception {
        for (int i = 0; i < PODS; i++) {
            int ops = nodes.get(i).opsPort();
            assertTrue(ops > 0, "pod " + (i + 1) + " printed its ops port");
            assertEquals(200, Http.get(ops, OpsVerticle.LIVE).status(), "pod " + (i + 1) + " live");
            Http.Response ready = awaitReady(ops);
            assertEquals(200, ready.status(), "pod " + (i + 1) + " ready: " + ready.body());
            assertTrue(ready.body().contains(PODS + " members"), "pod " + (i + 1) + ": " + ready.body());
        }
    }

    /** Polls like the kubelet's readiness probe, until 200 with every pod in the cluster, or 30 s. */
    private static Http.Response awaitReady(int port) throws InterruptedException {
        return Await.latest(() -> Http.get(port, OpsVerticle.READY),
                last -> last.status() == 200 && last.body().contains(PODS + " members"), Duration.ofSeconds(30), Duration.ofMillis(200));
    }
}
