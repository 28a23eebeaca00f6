package dev.parley.k8s;

import dev.parley.config.ConfigLoader;
import dev.parley.config.EnvOverrides;
import dev.parley.config.ParleyConfig;
import dev.parley.ops.OpsVerticle;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests, rendered by kubectl kustomize, against the Kubernetes model and against what
 * the server actually reads: config keys, ports, probe paths, the shutdown grace.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ManifestTest {
    static final String BASE = "k8s/base";
    static final String DEV = "k8s/overlays/dev";
    static final String PROD = "k8s/overlays/prod";

    /** The test runs once per rendering that holds Parley's StatefulSet: base, dev and prod; it takes the directory. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    @interface EachParleyRendering {
    }
    static final String REDIS = "k8s/redis";
    static final String HEADLESS = "parley-hz";
    static final String CLIENT_SERVICE = "parley";
    /** The ops port the operators' tooling expects (ops.port's default). */
    static final int OPS_PORT = 9090;
    static final String POD_IP = "10.1.2.3";
    static final String NAMESPACE = "chat";
    static final Map<String, String> POD_FIELDS = Map.of("status.podIP", POD_IP, "metadata.namespace", NAMESPACE,
            "metadata.name", "parley-0");

    static Vertx vertx;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    /** What the pod's server runs with: its env, its args, the mounted file. */
    record Pod(Rendered r, Container c, Map<String, String> env, List<String> args, Path configFile) {
        static Pod of(String dir) throws Exception {
            Rendered r = Kustomize.render(dir);
            Container c = r.parleyContainer();
            Map<String, String> env = PodEnvironment.env(r, c, POD_FIELDS);
            Path file = Files.createTempFile("parley-configmap", ".yaml");
            Files.writeString(file, r.mountedConfigFile());
            file.toFile().deleteOnExit();
            return new Pod(r, c, env, PodEnvironment.args(c, env), file);
        }

        /** The configuration the server loads: shipped defaults < mounted file < env, via the real loader. */
        ParleyConfig config() throws Exception {
            assertEquals("server", args.get(0), "args " + args);
            assertEquals(List.of("server", "--config", configPathInPod()), args, "args: only the mounted config file");
            return ConfigLoader.load(vertx, configFile, () -> env, Map.of())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        String configPathInPod() {
            String volume = r.parleyPod().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                    .findFirst().orElseThrow().getName();
            VolumeMount m = c.getVolumeMounts().stream().filter(v -> v.getName().equals(volume)).findFirst()
                    .orElseThrow(() -> new AssertionError("the ConfigMap volume is not mounted"));
            return m.getMountPath() + "/" + Rendered.CONFIG_FILE_KEY;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD, REDIS})
    @DisplayName("every rendered manifest is a known kind with no field the Kubernetes model does not know")
    void everyManifestParsesStrictly(String dir) {
        Rendered r = Kustomize.render(dir);
        assertFalse(r.resources().isEmpty(), dir + " renders nothing");
        for (HasMetadata h : r.resources()) {
            assertNotNull(h.getMetadata().getName(), dir + ": a " + h.getKind() + " without a name");
        }
    }

    @Test
    @DisplayName("the strict parse rejects an unknown field, with its path, and an unknown kind")
    void strictParseRejectsUnknownFields() {
        String typo = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: x
                      volumes: []
                """;
        AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.parse(typo));
        assertTrue(e.getMessage().contains(".spec.containers[0].volumes"), e.getMessage());
        String unknownKind = """
                apiVersion: example.com/v1
                kind: Gadget
                metadata: {name: g}
                """;
        assertThrows(AssertionError.class, () -> StrictModel.parse(unknownKind));
    }

    @EachParleyRendering
    @DisplayName("every PARLEY_* variable of the pod names an existing config key, and the result is a valid configuration")
    void envNamesConfigKeys(String dir) throws Exception {
        Set<String> known = new HashSet<>();
        JsonObject defaults = ConfigLoader.defaults();
        for (String section : defaults.fieldNames()) {
            if (defaults.getValue(section) instanceof JsonObject keys) {
                keys.fieldNames().forEach(k -> known.add(EnvOverrides.envName(section, k)));
            }
        }
        Pod pod = Pod.of(dir);
        for (String name : pod.env().keySet()) {
            if (name.startsWith("PARLEY_")) assertTrue(known.contains(name), dir + ": " + name + " is no config key");
        }
        ParleyConfig config = pod.config();
        assertEquals(POD_IP, config.cluster().host(), "cluster.host is the pod IP");
        assertEquals(ParleyConfig.Cluster.KUBERNETES, config.cluster().discovery());
        assertEquals(HEADLESS + "." + NAMESPACE + ".svc", config.cluster().kubernetesService(),
                "discovery looks up the headless Service of the pod's own namespace");
    }

    @Test
    @DisplayName("the ConfigMap is conf/parley.yaml, unchanged")
    void configMapIsTheShippedFile() throws Exception {
        String conf = Files.readString(Kustomize.repo().resolve("conf/parley.yaml"));
        for (String dir : List.of(BASE, DEV, PROD)) assertEquals(conf, Kustomize.render(dir).mountedConfigFile(), dir);
    }

    @EachParleyRendering
    @DisplayName("container ports are the ports the configuration makes the server listen on")
    void portsMatchConfiguration(String dir) throws Exception {
        Pod pod = Pod.of(dir);
        ParleyConfig config = pod.config();
        Container c = pod.c();
        assertEquals(config.server().port(), Rendered.namedPort(c, "chat"), "chat = server.port");
        assertEquals(config.cluster().port(), Rendered.namedPort(c, "hazelcast"), "hazelcast = cluster.port");
        assertEquals(config.cluster().eventBusPort(), Rendered.namedPort(c, "eventbus"),
                "eventbus = cluster.eventBusPort (fixed, so it can be declared and allowed)");
        assertEquals(8889, config.server().port());

        Service client = pod.r().service(CLIENT_SERVICE);
        ServicePort chat = client.getSpec().getPorts().get(0);
        assertEquals("TCP", chat.getProtocol());
        assertEquals(8889, chat.getPort());
        assertEquals(config.server().port(), Rendered.containerPort(c, chat.getTargetPort()));
        assertSelects(client.getSpec().getSelector(), pod.r().parley(), "client Service");
    }

    @EachParleyRendering
    @DisplayName("startup and liveness probe /health/live, readiness /health/ready, over HTTP on the port ops.port opens")
    void probesUseTheOpsPort(String dir) throws Exception {
        Pod pod = Pod.of(dir);
        ParleyConfig.Ops ops = pod.config().ops();
        assertTrue(ops.enabled(), "ops.enabled: the probes need the ops port");
        assertEquals(OPS_PORT, ops.port());
        Container c = pod.c();
        assertEquals(ops.port(), Rendered.namedPort(c, "ops"), "container port ops = ops.port");
        assertHttpProbe(c, c.getStartupProbe(), OpsVerticle.LIVE, ops.port(), "startup");
        assertHttpProbe(c, c.getLivenessProbe(), OpsVerticle.LIVE, ops.port(), "liveness");
        assertHttpProbe(c, c.getReadinessProbe(), OpsVerticle.READY, ops.port(), "readiness");
        Map<String, String> annotations = pod.r().parley().getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals(Integer.toString(ops.port()), annotations.get("prometheus.io/port"));
        assertEquals(OpsVerticle.METRICS, annotations.get("prometheus.io/path"));
        ServicePort scrape = pod.r().service(HEADLESS).getSpec().getPorts().stream()
                .filter(p -> p.getName().equals("ops")).findFirst().orElseThrow();
        assertEquals(ops.port(), Rendered.containerPort(c, scrape.getTargetPort()));
    }

    @EachParleyRendering
    @DisplayName("terminationGracePeriodSeconds outlasts the preStop sleep plus server.shutdownGraceSeconds")
    void terminationGraceCoversShutdown(String dir) throws Exception {
        Pod pod = Pod.of(dir);
        int grace = pod.config().server().shutdownGraceSeconds();
        int preStop = 0;
        if (pod.c().getLifecycle() != null && pod.c().getLifecycle().getPreStop() != null) {
            var hook = pod.c().getLifecycle().getPreStop();
            assertNotNull(hook.getSleep(), "preStop: only a sleep (the image has no shell)");
            preStop = hook.getSleep().getSeconds().intValue();
        }
        long termination = pod.r().parleyPod().getTerminationGracePeriodSeconds();
        assertTrue(termination > preStop + grace, dir + ": terminationGracePeriodSeconds " + termination
                + " <= preStop " + preStop + " + shutdownGraceSeconds " + grace);
    }

    @EachParleyRendering
    @DisplayName("a StatefulSet with ordered pod management, governed by the headless Service that lists not-ready pods")
    void headlessServiceForDiscovery(String dir) throws Exception {
        Rendered r = Kustomize.render(dir);
        StatefulSet sts = r.parley();
        assertEquals("OrderedReady", Objects.requireNonNullElse(sts.getSpec().getPodManagementPolicy(), "OrderedReady"));
        assertEquals(HEADLESS, sts.getSpec().getServiceName());
        Service hz = r.service(HEADLESS);
        assertEquals("None", hz.getSpec().getClusterIP());
        assertEquals(Boolean.TRUE, hz.getSpec().getPublishNotReadyAddresses(),
                "a starting pod must find the others before it is ready");
        assertSelects(hz.getSpec().getSelector(), sts, "headless Service");
        ParleyConfig config = Pod.of(dir).config();
        ServicePort hazelcast = hz.getSpec().getPorts().stream().filter(p -> p.getName().equals("hazelcast")).findFirst()
                .orElseThrow(() -> new AssertionError("headless Service has no hazelcast port"));
        assertEquals(config.cluster().port(), hazelcast.getPort(), "Hazelcast's DNS discovery uses cluster.port");
        assertEquals(config.cluster().port(), Rendered.containerPort(r.parleyContainer(), hazelcast.getTargetPort()));
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD, REDIS})
    @DisplayName("every pod runs as non-root on a read-only root filesystem, with resource requests and limits")
    void securityAndResources(String dir) {
        Rendered r = Kustomize.render(dir);
        assertFalse(r.all(StatefulSet.class).isEmpty());
        for (StatefulSet sts : r.all(StatefulSet.class)) {
            PodSpec pod = sts.getSpec().getTemplate().getSpec();
            String where = dir + " " + sts.getMetadata().getName();
            PodSecurityContext psc = pod.getSecurityContext();
            assertNotNull(psc, where + ": pod securityContext");
            assertEquals(Boolean.TRUE, psc.getRunAsNonRoot(), where + ": runAsNonRoot");
            assertTrue(psc.getRunAsUser() != null && psc.getRunAsUser() > 0, where + ": a numeric non-root runAsUser");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + ": no API token (no API use)");
            assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(),
                    where + ": service links would add PARLEY_*-like variables for parley-* Services");
            for (Container c : pod.getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                assertNotNull(sc, where + "/" + c.getName() + ": securityContext");
                assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), where + "/" + c.getName() + ": runAsNonRoot");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where + "/" + c.getName() + ": readOnlyRootFilesystem");
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where + "/" + c.getName());
                assertTrue(sc.getCapabilities().getDrop().contains("ALL"), where + "/" + c.getName() + ": drop ALL");
                var res = c.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    assertNotNull(res.getRequests().get(kind), where + "/" + c.getName() + ": requests." + kind);
                    assertNotNull(res.getLimits().get(kind), where + "/" + c.getName() + ": limits." + kind);
                }
            }
        }
    }

    @EachParleyRendering
    @DisplayName("the only places the server writes, its data dir and /tmp, are emptyDir volumes; the JVM sizes itself to the limit")
    void writablePathsAndJvmFlags(String dir) throws Exception {
        Pod pod = Pod.of(dir);
        ParleyConfig config = pod.config();
        assertEmptyDirAt(pod, config.store().dataDir());
        assertEmptyDirAt(pod, "/tmp");
        String opts = pod.env().getOrDefault("JAVA_TOOL_OPTIONS", "");
        assertTrue(opts.contains("-XX:MaxRAMPercentage="), "heap from the container limit: " + opts);
        assertTrue(opts.contains("-XX:+ExitOnOutOfMemoryError"), opts);
        assertFalse(opts.contains("-Xmx"), "a fixed -Xmx ignores the container limit");
        assertTrue(opts.contains("-XX:MaxDirectMemorySize="), "socket output memory bounded beside the heap: " + opts);
        assertEquals("json", config.logging().format(), "pods log JSON lines for the collector");
        assertNotNull(pod.c().getResources().getLimits().get("memory"));
    }

    @EachParleyRendering
    @DisplayName("the pod runs the image the Maven image profile builds")
    void imageIsTheBuiltOne(String dir) throws Exception {
        String pom = Files.readString(Kustomize.repo().resolve("pom.xml"));
        Matcher m = Pattern.compile("<image.name>([^<]+)</image.name>").matcher(pom);
        assertTrue(m.find(), "pom.xml: image.name property of the image profile");
        assertEquals(m.group(1), Kustomize.render(dir).parleyContainer().getImage());
    }

    @Test
    @DisplayName("dev: one node, embedded store, no cluster, no Redis, no autoscaler")
    void devIsOneNode() throws Exception {
        Rendered r = Kustomize.render(DEV);
        assertEquals(1, r.parley().getSpec().getReplicas());
        assertFalse(Pod.of(DEV).config().cluster().enabled());
        assertFalse(r.find(StatefulSet.class, "parley-redis").isPresent());
        assertFalse(r.has(HorizontalPodAutoscaler.class));
        assertTrue(r.has(PodDisruptionBudget.class));
    }

    @Test
    @DisplayName("prod: a cluster of 3 or more, autoscaled, on the in-cluster Redis with the generated password")
    void prodIsACluster() throws Exception {
        Rendered r = Kustomize.render(PROD);
        Pod pod = Pod.of(PROD);
        ParleyConfig config = pod.config();
        assertTrue(config.cluster().enabled());

        HorizontalPodAutoscaler hpa = r.get(HorizontalPodAutoscaler.class, "parley");
        assertEquals("StatefulSet", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals("parley", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 3, "3+ nodes");
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
        Integer replicas = r.parley().getSpec().getReplicas();
        assertTrue(replicas == null || replicas >= 3, "the autoscaler owns the count; a fixed one below 3 fights it");
        assertNull(replicas, "no replicas field: a re-apply must not reset what the autoscaler chose");

        PodDisruptionBudget pdb = r.get(PodDisruptionBudget.class, "parley");
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal(), "one Hazelcast member at a time");
        assertSelects(pdb.getSpec().getSelector().getMatchLabels(), r.parley(), "PodDisruptionBudget");

        // Redis: the Service named in cluster.redis, AOF on a PVC, the password Parley is given.
        URI redis = URI.create(config.cluster().redis());
        Service redisService = r.service(redis.getHost());
        assertEquals(redis.getPort(), redisService.getSpec().getPorts().get(0).getPort());
        StatefulSet redisSts = r.get(StatefulSet.class, "parley-redis");
        assertSelects(redisService.getSpec().getSelector(), redisSts, "Redis Service");
        Container redisContainer = redisSts.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> redisEnv = PodEnvironment.env(r, redisContainer, POD_FIELDS);
        assertEquals(config.cluster().redisPassword(), redisEnv.get("REDIS_PASSWORD"), "Redis and Parley use the same secret");
        String conf = redisConf(r, redisSts);
        assertTrue(conf.lines().anyMatch(l -> l.trim().equals("appendonly yes")), "AOF persistence: " + conf);
        String dataDir = confValue(conf, "dir");
        String claim = redisSts.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertTrue(redisContainer.getVolumeMounts().stream()
                .anyMatch(m -> m.getName().equals(claim) && m.getMountPath().equals(dataDir)), "the AOF is on the PVC");
        assertFalse(config.cluster().redisPassword().isBlank());
        // A pool of 16 (what this overlay pinned until issue 13's round 3) queued a 3-node login storm into Redis
        // command timeouts: UNAVAILABLE logins (docs/performance.md, "Login storms").
        assertTrue(config.cluster().redisPoolSize() >= 64, "Redis pool " + config.cluster().redisPoolSize());
        assertTrue(config.server().eventLoops() >= config.server().gatewayInstances(), "a loop per gateway instance");
    }

    @Test
    @DisplayName("prod: no password or certificate is committed; the pods need Secrets the operator creates")
    void prodSecretsAreNotCommitted() {
        for (String dir : List.of(PROD, REDIS)) {
            Rendered r = Kustomize.render(dir);
            assertFalse(r.has(io.fabric8.kubernetes.api.model.Secret.class), dir + " renders a Secret: its value is in git");
            assertFalse(r.yaml().contains("change-me"), dir + ": a placeholder password");
        }
        Rendered prod = Kustomize.render(PROD);
        Set<String> referenced = new HashSet<>();
        for (StatefulSet sts : prod.all(StatefulSet.class)) {
            PodSpec pod = sts.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> c.getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> {
                        assertFalse(Boolean.TRUE.equals(e.getValueFrom().getSecretKeyRef().getOptional()),
                                e.getName() + ": a missing Secret must stop the pod, not start it without");
                        referenced.add(e.getValueFrom().getSecretKeyRef().getName());
                    }));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> {
                assertFalse(Boolean.TRUE.equals(v.getSecret().getOptional()), v.getName());
                referenced.add(v.getSecret().getSecretName());
            });
        }
        assertEquals(Set.of("parley-redis-auth", "parley-cluster"), referenced);
    }

    @Test
    @DisplayName("prod: the event bus runs mutual TLS with PEM files from the mounted Secret; the cluster name comes from it too")
    void prodClusterUsesTlsFromSecret() throws Exception {
        Pod pod = Pod.of(PROD);
        ParleyConfig.Cluster cluster = pod.config().cluster();
        assertTrue(cluster.tls(), "cluster.insecure is off");
        for (String file : List.of(cluster.tlsCert(), cluster.tlsKey(), cluster.tlsCa())) {
            Path path = Path.of(file);
            VolumeMount m = pod.c().getVolumeMounts().stream().filter(v -> path.getParent().toString().equals(v.getMountPath()))
                    .findFirst().orElseThrow(() -> new AssertionError(file + " is not in a mounted volume"));
            assertEquals(Boolean.TRUE, m.getReadOnly(), m.getName());
            Volume v = pod.r().parleyPod().getVolumes().stream().filter(x -> x.getName().equals(m.getName())).findFirst().orElseThrow();
            assertNotNull(v.getSecret(), file + " comes from a Secret");
            assertTrue(v.getSecret().getItems().stream().anyMatch(i -> i.getPath().equals(path.getFileName().toString())),
                    file + " is an item of Secret " + v.getSecret().getSecretName());
        }
        var name = pod.c().getEnv().stream().filter(e -> e.getName().equals("PARLEY_CLUSTER_NAME")).findFirst()
                .orElseThrow(() -> new AssertionError("PARLEY_CLUSTER_NAME is not set: the default name is public"));
        assertNotNull(name.getValueFrom().getSecretKeyRef(), "the cluster name comes from a Secret");
        assertFalse(cluster.name().equals(ConfigLoader.defaults().getJsonObject("cluster").getString("name")));
    }

    @Test
    @DisplayName("Redis's password is never on a command line; its settings are a file from a ConfigMap")
    void redisPasswordNotOnCommandLine() {
        Rendered r = Kustomize.render(PROD);
        StatefulSet redisSts = r.get(StatefulSet.class, "parley-redis");
        Container redis = redisSts.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = PodEnvironment.env(r, redis, POD_FIELDS);
        String password = env.get("REDIS_PASSWORD");
        List<String> commandLine = new java.util.ArrayList<>(redis.getCommand() == null ? List.of() : redis.getCommand());
        commandLine.addAll(PodEnvironment.args(redis, env));
        assertTrue(commandLine.stream().noneMatch(a -> a.contains(password) || a.contains("--requirepass")), commandLine.toString());
        String conf = redisConf(r, redisSts);
        String include = confValue(conf, "include");
        VolumeMount auth = redis.getVolumeMounts().stream().filter(m -> include.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(include + " is on no volume"));
        Volume v = redisSts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(x -> x.getName().equals(auth.getName())).findFirst().orElseThrow();
        assertEquals("Memory", v.getEmptyDir().getMedium(), "the password file stays in memory");
        assertTrue(commandLine.stream().anyMatch(a -> a.contains(include) && a.contains("$REDIS_PASSWORD")),
                "the container writes the included file from the Secret's variable: " + commandLine);
    }

    @EachParleyRendering
    @DisplayName("NetworkPolicy: Hazelcast and the event bus only from Parley pods, chat from anywhere, ops from the namespace and monitoring")
    void networkPolicy(String dir) throws Exception {
        Pod pod = Pod.of(dir);
        ParleyConfig config = pod.config();
        NetworkPolicy np = pod.r().all(NetworkPolicy.class).stream()
                .filter(p -> selectsPod(p, pod.r().parley())).findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no NetworkPolicy selects the Parley pods"));
        assertTrue(np.getSpec().getPolicyTypes().contains("Ingress"));
        Container c = pod.c();
        assertTrue(config.cluster().eventBusPort() > 0, "the event-bus port is fixed, so the policy can name it");
        Map<Integer, List<NetworkPolicyPeer>> from = new java.util.HashMap<>();
        for (NetworkPolicyIngressRule rule : np.getSpec().getIngress()) {
            assertNotNull(rule.getPorts(), "a rule without ports opens every port");
            for (NetworkPolicyPort port : rule.getPorts()) {
                from.put(Rendered.containerPort(c, port.getPort()), rule.getFrom() == null ? List.of() : rule.getFrom());
            }
        }
        assertEquals(Set.of(config.server().port(), config.cluster().port(), config.cluster().eventBusPort(), config.ops().port()),
                from.keySet(), "exactly the chat, Hazelcast, event-bus and ops ports are admitted");
        assertTrue(from.get(config.server().port()).isEmpty(), "chat: from anywhere");
        for (int internal : List.of(config.cluster().port(), config.cluster().eventBusPort())) {
            List<NetworkPolicyPeer> peers = from.get(internal);
            assertEquals(1, peers.size(), "port " + internal + ": " + peers);
            NetworkPolicyPeer peer = peers.get(0);
            assertNull(peer.getNamespaceSelector(), "port " + internal + ": this namespace only");
            assertNull(peer.getIpBlock());
            assertSelects(peer.getPodSelector().getMatchLabels(), pod.r().parley(), "port " + internal + " peers");
        }
        for (NetworkPolicyPeer peer : from.get(config.ops().port())) {
            assertNull(peer.getIpBlock(), "ops: no address ranges");
            if (peer.getNamespaceSelector() != null) {
                assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), peer.getNamespaceSelector().getMatchLabels());
            }
        }
        assertFalse(from.get(config.ops().port()).isEmpty(), "ops: not from anywhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {PROD, REDIS})
    @DisplayName("NetworkPolicy: Redis accepts connections from Parley pods only")
    void redisOnlyFromParley(String dir) {
        Rendered r = Kustomize.render(dir);
        StatefulSet redis = r.get(StatefulSet.class, "parley-redis");
        NetworkPolicy np = r.all(NetworkPolicy.class).stream().filter(p -> selectsPod(p, redis)).findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no NetworkPolicy selects Redis"));
        assertTrue(np.getSpec().getPolicyTypes().contains("Ingress"));
        assertEquals(1, np.getSpec().getIngress().size());
        NetworkPolicyIngressRule rule = np.getSpec().getIngress().get(0);
        Container c = redis.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of(6379), rule.getPorts().stream().map(p -> Rendered.containerPort(c, p.getPort())).toList());
        assertEquals(1, rule.getFrom().size());
        NetworkPolicyPeer peer = rule.getFrom().get(0);
        assertNull(peer.getNamespaceSelector());
        assertEquals(Map.of("app.kubernetes.io/name", "parley", "app.kubernetes.io/component", "server"),
                peer.getPodSelector().getMatchLabels());
    }

    static boolean selectsPod(NetworkPolicy p, StatefulSet sts) {
        Map<String, String> labels = sts.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> sel = p.getSpec().getPodSelector().getMatchLabels();
        return sel != null && !sel.isEmpty() && sel.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** The redis.conf Redis reads: the ConfigMap mounted where the container's command points. */
    static String redisConf(Rendered r, StatefulSet redisSts) {
        PodSpec pod = redisSts.getSpec().getTemplate().getSpec();
        Volume v = pod.getVolumes().stream().filter(x -> x.getConfigMap() != null).findFirst()
                .orElseThrow(() -> new AssertionError("Redis has no ConfigMap volume"));
        return r.configMapValue(v.getConfigMap().getName(), "redis.conf");
    }

    static String confValue(String conf, String directive) {
        return conf.lines().map(String::trim).filter(l -> l.startsWith(directive + " ")).findFirst()
                .map(l -> l.substring(directive.length() + 1).trim())
                .orElseThrow(() -> new AssertionError("redis.conf has no " + directive + ": " + conf));
    }

    static String argAfter(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertTrue(i >= 0 && i + 1 < args.size(), "no " + flag + " in " + args);
        return args.get(i + 1);
    }

    static void assertHttpProbe(Container c, Probe probe, String path, int port, String what) {
        assertNotNull(probe, what + " probe");
        assertNotNull(probe.getHttpGet(), what + " probe over HTTP");
        assertEquals(path, probe.getHttpGet().getPath(), what + " probe path");
        assertEquals(port, Rendered.containerPort(c, probe.getHttpGet().getPort()), what + " probe on the ops port");
        assertTrue(probe.getHttpGet().getScheme() == null || probe.getHttpGet().getScheme().equals("HTTP"));
    }

    static void assertSelects(Map<String, String> selector, StatefulSet sts, String what) {
        assertNotNull(selector, what + ": no selector");
        Map<String, String> labels = sts.getSpec().getTemplate().getMetadata().getLabels();
        selector.forEach((k, v) -> assertEquals(v, labels.get(k), what + " selects " + k + "=" + v));
    }

    static void assertEmptyDirAt(Pod pod, String path) {
        VolumeMount mount = pod.c().getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not mounted: read-only root"));
        assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), path + " writable");
        Volume v = pod.r().parleyPod().getVolumes().stream().filter(x -> x.getName().equals(mount.getName()))
                .findFirst().orElseThrow();
        assertNotNull(v.getEmptyDir(), path + " is an emptyDir");
    }
}
