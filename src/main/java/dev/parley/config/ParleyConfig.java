package dev.parley.config;

import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** The whole configuration, typed. Built once by {@link ConfigLoader}; each verticle gets its section. */
public record ParleyConfig(Server server, Store store, Limits limits, Auth auth, Mailbox mailbox,
                           History history, Messages messages, Cluster cluster, Ops ops) {

    public record Server(String host, int port, int gatewayInstances, int eventLoops, int acceptBacklog,
                         int greetingDelayMs, String nodeId, int shutdownGraceSeconds) {
    }

    public record Ops(boolean enabled, String host, int port) {
    }

    public record Store(String dataDir) {
    }

    public record Limits(int maxFrameBytes, int maxTextChars, int maxConnections, int maxConnectionsPerAddress,
                         int ratePerSecond, int rateBurst, int idleTimeoutSeconds, long slowConsumerBytes,
                         int whoListMax, int presenceFanoutMax) {
    }

    public record Auth(int passwordMinLength, int passwordMaxLength, int pbkdf2Iterations, int hashThreads,
                       int maxFailedLoginsPerUser, int maxFailedLoginsPerAddress, int failedLoginWindowSeconds) {
        public Duration failedLoginWindow() {
            return Duration.ofSeconds(failedLoginWindowSeconds);
        }
    }

    public record Mailbox(int maxMessagesPerUser, int maxAgeDays) {
        public Duration maxAge() {
            return Duration.ofDays(maxAgeDays);
        }
    }

    public record History(int maxMessages, int maxAgeHours, int replayMax) {
        public Duration maxAge() {
            return Duration.ofHours(maxAgeHours);
        }
    }

    public record Messages(int dedupWindowSeconds) {
    }

    public record Cluster(boolean enabled, String name, String host, int port, String discovery, String members,
                          String kubernetesService, int eventBusPort, int heartbeatSeconds, int nodeTimeoutSeconds,
                          String redis, String redisPassword, boolean redisTls, String redisCaFile,
                          int redisPoolSize, String redisKeyPrefix, String tlsCert, String tlsKey, String tlsCa,
                          boolean insecure) {
        public static final String TCP = "tcp";
        public static final String KUBERNETES = "kubernetes";

        /** The event bus between nodes runs mutual TLS (false only with the explicit cluster.insecure opt-out). */
        public boolean tls() {
            return !insecure;
        }
    }

    /** Maps and validates the merged configuration tree; throws {@link ConfigException} naming the key. */
    public static ParleyConfig from(JsonObject json) {
        ConfigReader r = new ConfigReader(json);
        Server server = new Server(
                r.string("server.host"),
                r.integer("server.port", 0, 65535),
                r.integer("server.gatewayInstances", 1, 64),
                r.integer("server.eventLoops", 1, 256),
                r.integer("server.acceptBacklog", 1, 65535),
                r.integer("server.greetingDelayMs", 0, 60_000),
                r.string("server.nodeId"),
                r.integer("server.shutdownGraceSeconds", 1, 3600));
        if (server.host().isBlank()) throw new ConfigException("server.host: must not be empty");
        Store store = new Store(r.string("store.dataDir"));
        if (store.dataDir().isBlank()) throw new ConfigException("store.dataDir: must not be empty");
        Limits limits = new Limits(
                r.integer("limits.maxFrameBytes", 256, 1 << 20),
                r.integer("limits.maxTextChars", 1, 1 << 20),
                r.integer("limits.maxConnections", 1, 10_000_000),
                r.integer("limits.maxConnectionsPerAddress", 1, 10_000_000),
                r.integer("limits.ratePerSecond", 1, 1_000_000),
                r.integer("limits.rateBurst", 1, 1_000_000),
                r.integer("limits.idleTimeoutSeconds", 1, 86_400),
                r.longValue("limits.slowConsumerBytes", 65_536, 1L << 30),
                r.integer("limits.whoListMax", 1, 1_000_000),
                r.integer("limits.presenceFanoutMax", 0, 10_000_000));
        Auth auth = new Auth(
                r.integer("auth.passwordMinLength", 1, 1024),
                r.integer("auth.passwordMaxLength", 1, 1024),
                r.integer("auth.pbkdf2Iterations", 1, 100_000_000),
                r.integer("auth.hashThreads", 1, 256),
                r.integer("auth.maxFailedLoginsPerUser", 1, 1_000_000),
                r.integer("auth.maxFailedLoginsPerAddress", 1, 1_000_000),
                r.integer("auth.failedLoginWindowSeconds", 1, 86_400));
        if (auth.passwordMinLength() > auth.passwordMaxLength()) {
            throw new ConfigException("auth.passwordMinLength: must not exceed auth.passwordMaxLength");
        }
        Mailbox mailbox = new Mailbox(
                r.integer("mailbox.maxMessagesPerUser", 1, 1_000_000),
                r.integer("mailbox.maxAgeDays", 1, 3650));
        History history = new History(
                r.integer("history.maxMessages", 1, 10_000_000),
                r.integer("history.maxAgeHours", 1, 87_600),
                r.integer("history.replayMax", 0, 100_000));
        Messages messages = new Messages(r.integer("messages.dedupWindowSeconds", 1, 86_400));
        Cluster cluster = new Cluster(
                r.bool("cluster.enabled"),
                r.string("cluster.name"),
                r.string("cluster.host"),
                r.integer("cluster.port", 1, 65535),
                r.string("cluster.discovery"),
                r.string("cluster.members"),
                r.string("cluster.kubernetesService"),
                r.integer("cluster.eventBusPort", 0, 65535),
                r.integer("cluster.heartbeatSeconds", 1, 60),
                r.integer("cluster.nodeTimeoutSeconds", 2, 600),
                r.string("cluster.redis"),
                r.string("cluster.redisPassword"),
                r.bool("cluster.redisTls"),
                r.string("cluster.redisCaFile"),
                r.integer("cluster.redisPoolSize", 1, 1024),
                r.string("cluster.redisKeyPrefix"),
                r.string("cluster.tlsCert"),
                r.string("cluster.tlsKey"),
                r.string("cluster.tlsCa"),
                r.bool("cluster.insecure"));
        if (cluster.enabled()) checkCluster(cluster);
        Ops ops = new Ops(r.bool("ops.enabled"), r.string("ops.host"), r.integer("ops.port", 0, 65535));
        if (ops.enabled() && ops.port() != 0 && ops.port() == server.port()) {
            throw new ConfigException("ops.port: must differ from server.port (" + server.port() + ")");
        }
        return new ParleyConfig(server, store, limits, auth, mailbox, history, messages, cluster, ops);
    }

    private static void checkCluster(Cluster c) {
        if (c.redis().isBlank()) {
            throw new ConfigException("cluster.redis: cluster mode needs Redis for shared state; "
                    + "set it (e.g. --redis redis://127.0.0.1:6379 or PARLEY_CLUSTER_REDIS)");
        }
        if (!c.redis().startsWith("redis://") && !c.redis().startsWith("rediss://")) {
            throw new ConfigException("cluster.redis: expected redis://HOST:PORT or rediss://HOST:PORT, got '" + c.redis() + "'");
        }
        if (!c.discovery().equals(Cluster.TCP) && !c.discovery().equals(Cluster.KUBERNETES)) {
            throw new ConfigException("cluster.discovery: expected tcp or kubernetes, got '" + c.discovery() + "'");
        }
        if (c.discovery().equals(Cluster.KUBERNETES) && c.kubernetesService().isBlank()) {
            throw new ConfigException("cluster.kubernetesService: kubernetes discovery needs the headless service's DNS name");
        }
        if (c.nodeTimeoutSeconds() <= c.heartbeatSeconds()) {
            throw new ConfigException("cluster.nodeTimeoutSeconds: must be longer than cluster.heartbeatSeconds");
        }
        if (c.name().isBlank()) throw new ConfigException("cluster.name: must not be empty");
        if (c.tls()) checkTls(c);
    }

    /**
     * Production-safe default: without the CA and this node's certificate anyone who can reach the cluster
     * ports could forge deliveries, so cluster mode refuses to start unless told explicitly to run without.
     */
    private static void checkTls(Cluster c) {
        String missing = c.tlsCert().isBlank() ? "cluster.tlsCert" : c.tlsKey().isBlank() ? "cluster.tlsKey"
                : c.tlsCa().isBlank() ? "cluster.tlsCa" : null;
        if (missing == null) return;
        throw new ConfigException(missing + ": cluster mode needs TLS for the event bus between nodes: set "
                + "cluster.tlsCert, cluster.tlsKey and cluster.tlsCa (--cluster-tls-cert, --cluster-tls-key, "
                + "--cluster-tls-ca, or PARLEY_CLUSTER_TLS_CERT/_KEY/_CA) to PEM files made by bin/parley-certs DIR; "
                + "or, on a trusted network only, set cluster.insecure: true (--cluster-insecure)");
    }
}
