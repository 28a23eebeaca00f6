package dev.parley;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.parley.cluster.BusTls;
import dev.parley.cluster.HazelcastSetup;
import dev.parley.config.ParleyConfig;
import dev.parley.gateway.GatewayNode;
import dev.parley.gateway.GatewaySettings;
import dev.parley.logging.Audit;
import dev.parley.logging.Logging;
import dev.parley.logging.Redacted;
import dev.parley.ops.AdminApi;
import dev.parley.ops.OpsVerticle;
import dev.parley.ops.StoreSizeSampler;
import dev.parley.ops.ParleyMetrics;
import dev.parley.ops.Readiness;
import dev.parley.ops.ReadinessGauge;
import dev.parley.service.Bus;
import dev.parley.service.BusMetrics;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.Ping;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.concurrent.TimeUnit;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.account.AccountVerticle;
import dev.parley.service.auth.AuthVerticle;
import dev.parley.service.auth.HashQueue;
import dev.parley.service.auth.PasswordHasher;
import dev.parley.service.group.GroupVerticle;
import dev.parley.service.mailbox.MailboxVerticle;
import dev.parley.service.presence.PresenceVerticle;
import dev.parley.service.presence.repair.PresenceRepairVerticle;
import dev.parley.store.Stores;
import dev.parley.store.mvstore.MvStores;
import dev.parley.store.redis.RedisStoreOptions;
import dev.parley.store.redis.RedisStores;
import dev.parley.store.redis.RedisWait;
import dev.parley.config.ConfigException;
import dev.parley.tls.CertificateReloader;
import dev.parley.tls.PemIdentity;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One running Parley node: its Vert.x instance, stores, services and gateway. Single node: embedded
 * store, local event bus. Cluster: Hazelcast event bus between nodes, Redis for all shared state.
 */
public final class ParleyServer {
    private final Vertx vertx;
    private final Stores stores;
    private final GatewayNode gateway;
    private final int port;
    private final ParleyConfig config;
    private static final String VERTX_NODE_ID = "__vertx.nodeId";
    private HazelcastInstance hazelcast;
    private volatile boolean stopping;
    private int opsPort = -1;
    /** Swaps the TLS certificate of the chat and ops ports when its files change; null when TLS is off. */
    private CertificateReloader certificates;
    /** The ops port when it serves HTTPS (ops.tls), so a reload reaches it too. */
    private OpsVerticle opsTls;

    private ParleyServer(Vertx vertx, Stores stores, GatewayNode gateway, int port, ParleyConfig config) {
        this.vertx = vertx;
        this.stores = stores;
        this.gateway = gateway;
        this.port = port;
        this.config = config;
    }

    public static Future<ParleyServer> start(ParleyConfig config) {
        if (config.server().tlsEnabled()) {
            // A bad certificate is a configuration error: reported before anything starts, in a cluster
            // before joining it (the caller may block). The gateway reads the files again on a worker.
            try {
                PemIdentity.read(Path.of(config.server().tlsCert()), Path.of(config.server().tlsKey()));
            } catch (ConfigException e) {
                return Future.failedFuture(e);
            }
        }
        return config.cluster().enabled() ? startClustered(config) : startSingle(config);
    }

    private static Future<ParleyServer> startSingle(ParleyConfig config) {
        Vertx vertx = Vertx.vertx(vertxOptions(config));
        String nodeId = config.server().nodeId().isBlank()
                ? UUID.randomUUID().toString().substring(0, 8) : config.server().nodeId();
        Future<ParleyServer> started = vertx.executeBlocking(() -> openEmbedded(vertx, config))
                .compose(stores -> deployAll(vertx, config, stores, nodeId));
        return failFast(started, vertx, () -> { });
    }

    /** The embedded store; a failure names the directory and the settings that choose another. */
    private static MvStores openEmbedded(Vertx vertx, ParleyConfig config) {
        Path dir = Path.of(config.store().dataDir());
        try {
            return MvStores.open(vertx, dir, config.history().maxMessages());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause() : e;
            throw new ConfigException("store.dataDir: cannot open the embedded store in " + dir.toAbsolutePath() + " ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "); choose another directory with "
                    + "--data-dir or PARLEY_STORE_DATA_DIR (two nodes cannot share one)");
        }
    }

    /** Blocks while Hazelcast joins (call it from a thread that may block, as the launcher does). */
    private static Future<ParleyServer> startClustered(ParleyConfig config) {
        ParleyConfig.Cluster c = config.cluster();
        VertxOptions options = vertxOptions(config);
        options.getEventBusOptions().setHost(c.host()).setPort(c.eventBusPort()).setClusterPublicHost(c.host());
        try {
            BusTls.apply(c, options.getEventBusOptions());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        HazelcastInstance hz;
        try {
            // Unique per process start: a restarted node must never be mistaken for its previous life.
            hz = Hazelcast.newHazelcastInstance(HazelcastSetup.config(c, UUID.randomUUID().toString()));
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalStateException("cannot start Hazelcast on " + c.host() + ":" + c.port()
                    + ": " + e.getMessage(), e));
        }
        HazelcastClusterManager manager = new HazelcastClusterManager(hz);
        return Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                .recover(t -> {
                    hz.shutdown();
                    return Future.failedFuture(t);
                })
                .compose(vertx -> failFast(BusTls.selfCheck(vertx, c)
                        .compose(v -> RedisWait.connect(vertx, redisOptions(config), Duration.ofSeconds(c.redisWaitSeconds())))
                        .compose(stores -> deployAll(vertx, config, stores, manager.getNodeId())
                                .compose(server -> server.watchCluster(hz, stores))), vertx, hz::shutdown));
    }

    /**
     * Reports a failed start at once, then closes what was started. Waiting for the close first would hang:
     * futures bound to the closed Vert.x's event loops can no longer notify anyone.
     */
    private static Future<ParleyServer> failFast(Future<ParleyServer> started, Vertx vertx, Runnable afterClose) {
        Promise<ParleyServer> result = Promise.promise();
        started.onComplete(ar -> {
            if (ar.succeeded()) {
                result.complete(ar.result());
                return;
            }
            result.fail(ar.cause());
            closeOffLoop(vertx).whenComplete((v, t) -> afterClose.run());
        });
        return result.future();
    }

    private Future<ParleyServer> watchCluster(HazelcastInstance hz, RedisStores redis) {
        this.hazelcast = hz;
        PresenceRepairVerticle repair = new PresenceRepairVerticle(gateway.nodeId(), config.cluster(), redis.nodes(),
                redis.presence(), gateway::sessionSnapshot, config.limits().presenceFanoutMax(), gateway::deliverLocally,
                gateway.audit());
        gateway.onLeaveFailure(repair::departureLost);
        return vertx.deployVerticle(repair).map(id -> {
            hz.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent e) {
                    gateway.audit().system(Audit.Event.NODE_JOINED, e.getMember().getAttribute(VERTX_NODE_ID),
                            e.getMember().getAddress().toString());
                }

                @Override
                public void memberRemoved(MembershipEvent e) {
                    String left = e.getMember().getAttribute(VERTX_NODE_ID);
                    gateway.audit().system(Audit.Event.NODE_LEFT, left, e.getMember().getAddress().toString());
                    if (left != null) repair.memberLeft(left);
                }
            });
            hz.getLifecycleService().addLifecycleListener(e -> {
                if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                    // Back from a split: be routable again and put our sessions back into shared presence.
                    vertx.runOnContext(v -> gateway.reregisterConsumers());
                    repair.reregisterSoon();
                }
            });
            return this;
        });
    }

    private static VertxOptions vertxOptions(ParleyConfig config) {
        return new VertxOptions().setEventLoopPoolSize(config.server().eventLoops());
    }

    private static RedisStoreOptions redisOptions(ParleyConfig config) {
        ParleyConfig.Cluster c = config.cluster();
        return RedisStoreOptions.of(c.redis())
                .withPassword(c.redisPassword().isEmpty() ? null : c.redisPassword())
                .withTls(c.redisTls())
                .withTlsCaFile(c.redisCaFile().isEmpty() ? null : c.redisCaFile())
                .withPoolSize(c.redisPoolSize())
                .withKeyPrefix(c.redisKeyPrefix())
                .withHistoryMaxMessages(config.history().maxMessages())
                .withMailboxTtl(config.mailbox().maxAge());
    }

    private static Future<ParleyServer> deployAll(Vertx vertx, ParleyConfig config, Stores stores, String nodeId) {
        Clock clock = Clock.systemUTC();
        Dedup dedup = new Dedup(stores.idempotency(), Duration.ofSeconds(config.messages().dedupWindowSeconds()), clock);
        MessageIds ids = new MessageIds();
        ParleyMetrics metrics = new ParleyMetrics();
        Logging.nodeId(nodeId);
        Audit audit = new Audit(e -> metrics.audit(e.key));
        audit.system(Audit.Event.CONFIG_LOADED, nodeId, Redacted.describe(config));
        Bus bus = new Bus(BusMetrics.of(metrics.storeErrors::increment, metrics::busInvalid));
        GatewayNode gateway = new GatewayNode(nodeId, GatewaySettings.of(config), metrics, audit, bus);
        ParleyConfig.Auth auth = config.auth();
        // One bounded hashing queue and one hasher per node: login, registration and account changes share them.
        HashQueue hashes = new HashQueue("parley-hash", auth.hashThreads(), auth.hashQueueLogins(), auth.hashQueueRegistrations());
        return hashes.submit(vertx.getOrCreateContext(), HashQueue.Lane.LOGIN, () -> new PasswordHasher(auth.pbkdf2Iterations()))
                .compose(hasher -> Future.join(
                        vertx.deployVerticle(new AuthVerticle(bus, auth, stores.users(), stores.counters(), hashes, hasher)),
                        vertx.deployVerticle(new PresenceVerticle(bus, config.limits().whoListMax(),
                                config.limits().presenceFanoutMax(), stores.presence(), stores.lastSeen())),
                        vertx.deployVerticle(new GroupVerticle(bus, config.history(), stores.groupHistory(), stores.lastSeen(),
                                dedup, ids, clock)),
                        vertx.deployVerticle(new MailboxVerticle(bus, config.mailbox(), stores.users(), stores.mailbox(),
                                stores.lastSeen(), dedup, ids, clock)),
                        vertx.deployVerticle(new AccountVerticle(bus, auth, config.limits().maxTextChars(), stores, audit,
                                hashes, hasher))))
                .compose(v -> gateway.deploy(vertx))
                .map(port -> new ParleyServer(vertx, stores, gateway, port, config))
                .compose(server -> server.startOps(metrics, audit))
                .map(ParleyServer::watchCertificates)
                .recover(t -> {
                    hashes.close();
                    return stores.close().transform(v -> Future.failedFuture(t));
                });
    }

    /** How often parley_store_bytes is sampled: storage grows over minutes, and scrapes come every 15 s or so. */
    private static final Duration STORE_SIZE_PERIOD = Duration.ofSeconds(15);

    /** The operations port; ready only when this node can really serve users (see {@link Readiness}). */
    private Future<ParleyServer> startOps(ParleyMetrics metrics, Audit audit) {
        if (!config.ops().enabled()) return Future.succeededFuture(this);
        Readiness readiness = new Readiness()
                .add("gateway", () -> stopping ? Future.failedFuture("shutting down") : Future.succeededFuture())
                .add("capacity", () -> vertx.executeBlocking(gateway.capacity()::check, false))
                .add("cluster", this::clusterCheck)
                .add("store", () -> stores.ping().timeout(2, TimeUnit.SECONDS))
                .add("bus", () -> vertx.eventBus().request(NodeAddresses.node(gateway.nodeId()),
                        new Ping().toJson(), new DeliveryOptions().setSendTimeout(2000)));
        ReadinessGauge.start(vertx, readiness, metrics);
        OpsVerticle ops = new OpsVerticle(config.ops(), metrics, readiness, config.ops().tls() ? gateway.tlsIdentity() : null)
                .withAdmin(new AdminApi(vertx, config.ops().adminToken(), audit, metrics));
        return vertx.deployVerticle(new StoreSizeSampler(stores, metrics, STORE_SIZE_PERIOD))
                .compose(sampler -> vertx.deployVerticle(ops)).map(id -> {
            opsPort = ops.actualPort();
            if (config.ops().tls()) opsTls = ops;
            return this;
        });
    }

    private ParleyServer watchCertificates() {
        ParleyConfig.Server s = config.server();
        if (!s.tlsEnabled()) return this;
        certificates = new CertificateReloader(vertx, Path.of(s.tlsCert()), Path.of(s.tlsKey()), gateway.tlsIdentity());
        gateway.tlsServers().forEach(tls -> certificates.add(tls::updateSSLOptions));
        if (opsTls != null) certificates.add(opsTls::updateSSLOptions);
        certificates.start(s.tlsReloadSeconds());
        return this;
    }

    /**
     * Reads the certificate files again and, if they changed, serves the new certificate to new
     * connections (SIGHUP does this); true when it changed. Fails, keeping the current one, if the files are bad.
     */
    public Future<Boolean> reloadCertificates() {
        return certificates == null ? Future.failedFuture("TLS is off (server.tlsCert is not set)") : certificates.reload();
    }

    /** The TLS chat port actually bound, or -1 when TLS is off. */
    public int tlsPort() {
        return gateway.tlsPort();
    }

    private Future<?> clusterCheck() {
        if (!config.cluster().enabled()) return Future.succeededFuture("single node");
        if (hazelcast == null || !hazelcast.getLifecycleService().isRunning() || !vertx.isClustered()) {
            return Future.failedFuture("not joined");
        }
        return Future.succeededFuture(hazelcast.getCluster().getMembers().size() + " members");
    }

    /**
     * Closes Vert.x from outside its event loops: a callback bound to a loop that is shutting down would be
     * rejected ("event executor terminated") and printed as an uncaught exception.
     */
    private static CompletableFuture<Void> closeOffLoop(Vertx vertx) {
        return CompletableFuture.runAsync(() -> { })
                .thenCompose(v -> vertx.close().toCompletionStage().toCompletableFuture().handle((x, t) -> (Void) null));
    }

    /** The operations (HTTP) port actually bound, or -1 when disabled. */
    public int opsPort() {
        return opsPort;
    }

    public int port() {
        return port;
    }

    /** This node's Vert.x (tests reach its event bus directly). */
    public Vertx vertx() {
        return vertx;
    }

    public String nodeId() {
        return gateway.nodeId();
    }

    public ParleyConfig config() {
        return config;
    }

    public GatewayNode gateway() {
        return gateway;
    }

    /**
     * Graceful stop: gateways say bye SHUTDOWN and record each user's departure, services stop,
     * the stores close, then the node leaves the cluster.
     */
    public Future<Void> close() {
        stopping = true;
        if (certificates != null) certificates.stop();
        CompletableFuture<Void> services = gateway.undeploy(vertx)
                .transform(v -> Future.join(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()))
                .transform(v -> stores.close())
                .toCompletionStage().toCompletableFuture().handle((v, t) -> null);
        CompletableFuture<Void> closed = services
                .thenCompose(v -> closeOffLoop(vertx))
                .whenComplete((v, t) -> {
                    if (hazelcast != null) hazelcast.shutdown();
                });
        return Future.fromCompletionStage(closed);
    }
}
