package dev.parley.config;

import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** The whole configuration, typed. Built once by {@link ConfigLoader}; each verticle gets its section. */
public record ParleyConfig(Server server, Store store, Limits limits, Auth auth, Mailbox mailbox,
                           History history, Messages messages, Cluster cluster, Ops ops,
                           Logging logging, Rooms rooms, Irc irc) {

    /**
     * IRC (issue 15, docs/irc.md).
     *
     * @param port    the IRC listener's port on every node; 0 = no IRC port (IRC is still detected on server.port)
     * @param tlsPort the IRC-over-TLS listener's port (6697 is IRC's); 0 = none; needs server.tlsCert (the same certificate)
     * @param network the network name shown in 001 and 005 NETWORK
     * @param motd    message of the day: the text itself, or the path of a file holding it; empty = 422
     */
    public record Irc(int port, int tlsPort, String network, String motd) {
    }

    public record Server(String host, int port, int gatewayInstances, int eventLoops, boolean nativeTransport,
                         int coalesceMicros, int acceptBacklog, String nodeId, int shutdownGraceSeconds,
                         int tlsPort, String tlsCert, String tlsKey, int tlsReloadSeconds) {
        /** The TLS port listens only when a certificate is configured, so the default port never serves a made-up one. */
        public boolean tlsEnabled() {
            return !tlsCert.isBlank();
        }
    }

    /** @param adminToken bearer token of the admin API (/admin/*); empty = the admin API is off */
    public record Ops(boolean enabled, String host, int port, boolean tls, String adminToken) {
    }

    public record Store(String dataDir) {
    }

    /** Parley's own loggers at {@code level}, libraries (Hazelcast, Netty, Vert.x) at {@code libraryLevel}. */
    public record Logging(String level, String libraryLevel, String format) {
    }

    public record Limits(int maxFrameBytes, int maxTextChars, int maxConnections, int maxConnectionsPerAddress,
                         String exemptAddresses, int loginTimeoutSeconds,
                         int ratePerSecond, int rateBurst, int idleTimeoutSeconds, long slowConsumerBytes,
                         long maxPendingOutputBytes, int whoListMax, int presenceFanoutMax, int accountOpsInFlight,
                         int onlineListCacheMs, int presenceBatchMs) {
    }

    public record Auth(int passwordMinLength, int passwordMaxLength, int pbkdf2Iterations, int hashThreads,
                       int hashQueueLogins, int hashQueueRegistrations,
                       int loginAttemptsPerUserAddress, int loginAttemptsPerAddress, int loginWindowSeconds,
                       int loginSlowdownAfter, int loginSlowdownBaseMs, int loginSlowdownMaxMs,
                       int registrationsPerAddressPerHour, int registrationsPerMinute) {
        public Duration loginWindow() {
            return Duration.ofSeconds(loginWindowSeconds);
        }
    }

    public record Mailbox(int maxMessagesPerUser, long maxBytesPerUser, int maxMessagesPerSender, int maxAgeDays) {
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

    /**
     * Rooms (issue 14).
     *
     * @param defaultRoom        the old global group: where say without a room and seed clients speak
     * @param autoJoinDefault    every account is (implicitly) a member of the default room
     * @param perUser            rooms one user may be a member of (the default room not counted)
     * @param maxPerCluster      rooms that may exist at once
     * @param createPerMinute    rooms one user may create per minute
     * @param listMax            entries per rooms/members reply (the true count is always given)
     * @param presenceFanoutMax  above this many members a room's members are not told of each other's comings and goings
     * @param keepEmpty          keep a room (and its history) when its last member leaves
     * @param replayMaxTotal     missed room messages replayed at login over all rooms (each room: history.replayMax)
     */
    public record Rooms(@ConfigKey("default") String defaultRoom, boolean autoJoinDefault, int perUser, int maxPerCluster, int createPerMinute,
                        int listMax, int presenceFanoutMax, boolean keepEmpty, int replayMaxTotal) {
    }

    public record Cluster(boolean enabled, String name, String host, int port, String discovery, String members,
                          String kubernetesService, int eventBusPort, int heartbeatSeconds, int nodeTimeoutSeconds,
                          String redis, String redisPassword, boolean redisTls, String redisCaFile,
                          int redisPoolSize, String redisKeyPrefix, int redisWaitSeconds, String tlsCert, String tlsKey,
                          String tlsCa, boolean insecure) {
        public static final String TCP = "tcp";
        public static final String KUBERNETES = "kubernetes";

        /** The event bus between nodes runs mutual TLS (false only with the explicit cluster.insecure opt-out). */
        public boolean tls() {
            return !insecure;
        }
    }

    /** A short admin token can be guessed over the network; 16 characters is the least we accept. */
    static final int MIN_ADMIN_TOKEN = 16;

    private static final java.util.List<String> LEVELS = java.util.List.of("error", "warn", "info", "debug", "trace");

    /** Maps and validates the merged configuration tree; throws {@link ConfigException} naming the key. */
    public static ParleyConfig from(JsonObject json) {
        ConfigReader r = new ConfigReader(json);
        Server server = new Server(
                r.string("server.host"),
                r.integer("server.port", 0, 65535),
                r.integer("server.gatewayInstances", 1, 64),
                r.integer("server.eventLoops", 1, 256),
                r.bool("server.nativeTransport"),
                r.integer("server.coalesceMicros", 0, 100_000),
                r.integer("server.acceptBacklog", 1, 65535),
                r.string("server.nodeId"),
                r.integer("server.shutdownGraceSeconds", 1, 3600),
                r.integer("server.tlsPort", 0, 65535),
                r.string("server.tlsCert").trim(),
                r.string("server.tlsKey").trim(),
                r.integer("server.tlsReloadSeconds", 0, 86_400));
        if (server.host().isBlank()) throw new ConfigException("server.host: must not be empty");
        checkTls(server);
        Store store = new Store(r.string("store.dataDir"));
        if (store.dataDir().isBlank()) throw new ConfigException("store.dataDir: must not be empty");
        Limits limits = new Limits(
                r.integer("limits.maxFrameBytes", 256, 1 << 20),
                r.integer("limits.maxTextChars", 1, 1 << 20),
                r.integer("limits.maxConnections", 1, 10_000_000),
                r.integer("limits.maxConnectionsPerAddress", 1, 10_000_000),
                r.string("limits.exemptAddresses"),
                r.integer("limits.loginTimeoutSeconds", 1, 3600),
                r.integer("limits.ratePerSecond", 1, 1_000_000),
                r.integer("limits.rateBurst", 1, 1_000_000),
                r.integer("limits.idleTimeoutSeconds", 1, 86_400),
                r.longValue("limits.slowConsumerBytes", 16_384, 1L << 30),
                r.longValue("limits.maxPendingOutputBytes", 1L << 20, 1L << 40),
                r.integer("limits.whoListMax", 1, 1_000_000),
                r.integer("limits.presenceFanoutMax", 0, 10_000_000),
                r.integer("limits.accountOpsInFlight", 1, 100_000),
                r.integer("limits.onlineListCacheMs", 0, 60_000),
                r.integer("limits.presenceBatchMs", 0, 10_000));
        try {
            AddressSet.parse(limits.exemptAddresses());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("limits.exemptAddresses: " + e.getMessage());
        }
        Auth auth = new Auth(
                r.integer("auth.passwordMinLength", 1, 1024),
                r.integer("auth.passwordMaxLength", 1, 1024),
                r.integer("auth.pbkdf2Iterations", 1, 100_000_000),
                r.integer("auth.hashThreads", 1, 256),
                r.integer("auth.hashQueueLogins", 1, 1_000_000),
                r.integer("auth.hashQueueRegistrations", 1, 1_000_000),
                r.integer("auth.loginAttemptsPerUserAddress", 1, 1_000_000),
                r.integer("auth.loginAttemptsPerAddress", 1, 1_000_000),
                r.integer("auth.loginWindowSeconds", 1, 86_400),
                r.integer("auth.loginSlowdownAfter", 1, 1_000_000),
                r.integer("auth.loginSlowdownBaseMs", 1, 60_000),
                r.integer("auth.loginSlowdownMaxMs", 0, 20_000),
                r.integer("auth.registrationsPerAddressPerHour", 1, 10_000_000),
                r.integer("auth.registrationsPerMinute", 1, 10_000_000));
        if (auth.passwordMinLength() > auth.passwordMaxLength()) {
            throw new ConfigException("auth.passwordMinLength: must not exceed auth.passwordMaxLength");
        }
        if (auth.loginAttemptsPerUserAddress() > auth.loginAttemptsPerAddress()) {
            throw new ConfigException("auth.loginAttemptsPerUserAddress: must not exceed auth.loginAttemptsPerAddress");
        }
        // The byte quota must hold at least one message of the largest size (4000 4-byte characters, escaped).
        Mailbox mailbox = new Mailbox(
                r.integer("mailbox.maxMessagesPerUser", 1, 1_000_000),
                r.longValue("mailbox.maxBytesPerUser", 65_536, 1L << 34),
                r.integer("mailbox.maxMessagesPerSender", 1, 1_000_000),
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
                r.integer("cluster.redisWaitSeconds", 1, 3600),
                r.string("cluster.tlsCert"),
                r.string("cluster.tlsKey"),
                r.string("cluster.tlsCa"),
                r.bool("cluster.insecure"));
        if (cluster.enabled()) checkCluster(cluster);
        Ops ops = new Ops(r.bool("ops.enabled"), r.string("ops.host"), r.integer("ops.port", 0, 65535), r.bool("ops.tls"),
                r.string("ops.adminToken"));
        if (!ops.adminToken().isEmpty() && ops.adminToken().length() < MIN_ADMIN_TOKEN) {
            throw new ConfigException("ops.adminToken: at least " + MIN_ADMIN_TOKEN + " characters (or empty to turn the admin API off)");
        }
        if (ops.enabled() && ops.port() != 0 && ops.port() == server.port()) {
            throw new ConfigException("ops.port: must differ from server.port (" + server.port() + ")");
        }
        if (ops.enabled() && server.tlsEnabled() && ops.port() != 0 && ops.port() == server.tlsPort()) {
            throw new ConfigException("ops.port: must differ from server.tlsPort (" + server.tlsPort() + ")");
        }
        if (ops.enabled() && ops.tls() && !server.tlsEnabled()) {
            throw new ConfigException("ops.tls: HTTPS on the operations port uses server.tlsCert and server.tlsKey; set them");
        }
        Logging logging = new Logging(
                r.oneOf("logging.level", LEVELS),
                r.oneOf("logging.libraryLevel", LEVELS),
                r.oneOf("logging.format", java.util.List.of("text", "json")));
        Rooms rooms = new Rooms(
                r.string("rooms.default"),
                r.bool("rooms.autoJoinDefault"),
                r.integer("rooms.perUser", 0, 100_000),
                r.integer("rooms.maxPerCluster", 1, 100_000_000),
                r.integer("rooms.createPerMinute", 0, 1_000_000),
                r.integer("rooms.listMax", 1, 100_000),
                r.integer("rooms.presenceFanoutMax", 0, 10_000_000),
                r.bool("rooms.keepEmpty"),
                r.integer("rooms.replayMaxTotal", 0, 1_000_000));
        if (!dev.parley.protocol.RoomName.valid(rooms.defaultRoom())) {
            throw new ConfigException("rooms.default: a room name is # and 1-49 characters of A-Z a-z 0-9 _ . -, got '"
                    + rooms.defaultRoom() + "'");
        }
        Irc irc = new Irc(r.integer("irc.port", 0, 65535), r.integer("irc.tlsPort", 0, 65535),
                r.string("irc.network").trim(), r.string("irc.motd"));
        if (irc.network().isEmpty() || !irc.network().matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException("irc.network: a name of A-Z a-z 0-9 _ . -, got '" + irc.network() + "'");
        }
        if (irc.port() != 0 && irc.port() == server.port()) {
            throw new ConfigException("irc.port: must differ from server.port (" + server.port() + "); IRC is detected there anyway");
        }
        checkIrcTls(irc, server);
        return new ParleyConfig(server, store, limits, auth, mailbox, history, messages, cluster, ops, logging, rooms, irc);
    }

    /** An IRC TLS port asked for without a certificate would silently not listen: refused instead, naming what is missing. */
    private static void checkIrcTls(Irc irc, Server server) {
        if (irc.tlsPort() == 0) return;
        if (!server.tlsEnabled()) {
            throw new ConfigException("irc.tlsPort: needs a certificate (server.tlsCert and server.tlsKey), or 0 for no IRC TLS port");
        }
        for (var other : java.util.Map.of("server.port", server.port(), "server.tlsPort", server.tlsPort(), "irc.port", irc.port()).entrySet()) {
            if (other.getValue() != 0 && other.getValue() == irc.tlsPort()) {
                throw new ConfigException("irc.tlsPort: must differ from " + other.getKey() + " (" + other.getValue() + ")");
            }
        }
    }

    /** Files are only named here; they are read (and their pairing checked) when the node starts. */
    private static void checkTls(Server s) {
        if (!s.tlsCert().isBlank() && s.tlsKey().isBlank()) {
            throw new ConfigException("server.tlsKey: server.tlsCert is set, so the TLS port needs its private key (a PEM file) too");
        }
        if (s.tlsCert().isBlank() && !s.tlsKey().isBlank()) {
            throw new ConfigException("server.tlsCert: server.tlsKey is set but not the certificate (a PEM file); set both or neither");
        }
        if (s.tlsEnabled() && s.tlsPort() != 0 && s.tlsPort() == s.port()) {
            throw new ConfigException("server.tlsPort: must differ from server.port (" + s.port() + ")");
        }
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
