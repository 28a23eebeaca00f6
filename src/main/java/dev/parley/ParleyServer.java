package dev.parley;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.cluster.BusTls;
import dev.parley.cluster.ClusterMembership;
import dev.parley.cluster.ClusteredVertx;
import dev.parley.cluster.HazelcastSetup;
import dev.parley.cluster.SubscriptionGuard;
import dev.parley.config.ParleyConfig;
import dev.parley.gateway.GatewayNode;
import dev.parley.gateway.GatewaySettings;
import dev.parley.logging.Audit;
import dev.parley.logging.Logging;
import dev.parley.logging.Redacted;
import dev.parley.ops.NodeReadiness;
import dev.parley.ops.OpsPort;
import dev.parley.ops.OpsVerticle;
import dev.parley.ops.ParleyMetrics;
import dev.parley.service.Bus;
import dev.parley.service.BusMetrics;
import dev.parley.service.presence.repair.PresenceRepairVerticle;
import dev.parley.service.auth.HashQueue;
import dev.parley.store.Stores;
import dev.parley.store.mvstore.MvStores;
import dev.parley.store.redis.RedisStoreOptions;
import dev.parley.store.redis.RedisStores;
import dev.parley.store.redis.RedisWait;
import dev.parley.tls.CertificateReloader;
import dev.parley.tls.PemIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.ServerSSLOptions;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
    private HazelcastInstance hazelcast;
    /** Keeps this node's consumers in the cluster's bus registry; null on a single node. */
    private volatile SubscriptionGuard subscriptions;
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
        return PemIdentity.check(config.server())
                .compose(v -> config.cluster().enabled() ? startClustered(config) : startSingle(config));
    }

    private static Future<ParleyServer> startSingle(ParleyConfig config) {
        Vertx vertx = Vertx.vertx(vertxOptions(config));
        String nodeId = config.server().nodeId().isBlank()
                ? UUID.randomUUID().toString().substring(0, 8) : config.server().nodeId();
        Future<ParleyServer> started = vertx.executeBlocking(() -> MvStores.openDataDir(vertx, config))
                .compose(stores -> deployAll(vertx, config, stores, nodeId));
        return VertxClose.onFailure(started, vertx, () -> { });
    }

    /** Blocks while Hazelcast joins (call it from a thread that may block, as the launcher does). */
    private static Future<ParleyServer> startClustered(ParleyConfig config) {
        ParleyConfig.Cluster c = config.cluster();
        return ClusteredVertx.start(c, vertxOptions(config)).compose(node -> VertxClose.onFailure(
                BusTls.selfCheck(node.vertx(), c)
                        .compose(v -> RedisWait.connect(node.vertx(), RedisStoreOptions.from(config), Duration.ofSeconds(c.redisWaitSeconds())))
                        .compose(stores -> deployAll(node.vertx(), config, stores, node.nodeId())
                                .compose(server -> server.watchCluster(node, stores))),
                node.vertx(), node.hazelcast()::shutdown));
    }

    private static Future<ParleyServer> deployAll(Vertx vertx, ParleyConfig config, Stores stores, String nodeId) {
        ParleyMetrics metrics = new ParleyMetrics();
        Logging.nodeId(nodeId);
        Audit audit = new Audit(e -> metrics.audit(e.key));
        audit.system(Audit.Event.CONFIG_LOADED, nodeId, Redacted.describe(config));
        Bus bus = new Bus(BusMetrics.of(metrics.storeErrors::increment, metrics::busInvalid));
        GatewayNode gateway = new GatewayNode(nodeId, GatewaySettings.of(config), metrics, audit, bus);
        HashQueue hashes = Services.hashQueue(config.auth());
        return Services.deploy(vertx, config, stores, audit, hashes, bus, Clock.systemUTC(), metrics::onlineList)
                .compose(v -> gateway.deploy(vertx))
                .map(port -> new ParleyServer(vertx, stores, gateway, port, config))
                .compose(server -> server.startOps(metrics, audit))
                .map(ParleyServer::watchCertificates)
                .recover(t -> {
                    hashes.close();
                    return stores.close().transform(v -> Future.failedFuture(t));
                });
    }

    /** The operations port; ready only when this node can really serve users (see {@link NodeReadiness}). */
    private Future<ParleyServer> startOps(ParleyMetrics metrics, Audit audit) {
        if (!config.ops().enabled()) return Future.succeededFuture(this);
        var readiness = NodeReadiness.of(vertx, gateway.nodeId(), () -> stopping, gateway.capacity()::check,
                this::clusterCheck, stores);
        return OpsPort.deploy(vertx, config.ops(), metrics, audit, readiness, stores, config.ops().tls() ? gateway.tlsIdentity() : null)
                .map(ops -> {
                    opsPort = ops.actualPort();
                    if (config.ops().tls()) opsTls = ops;
                    return this;
                });
    }

    /** Joined, and every consumer of this node is routable (see {@link SubscriptionGuard}). */
    private Future<?> clusterCheck() {
        if (!config.cluster().enabled()) return Future.succeededFuture("single node");
        return ClusterMembership.joined(hazelcast, vertx).compose(members -> {
            java.util.Set<String> missing = subscriptions == null ? java.util.Set.of() : subscriptions.missing();
            return missing.isEmpty() ? Future.succeededFuture(members)
                    : Future.failedFuture("not routable on " + missing + " (registering again)");
        });
    }

    private ParleyServer watchCertificates() {
        List<Function<ServerSSLOptions, Future<Boolean>>> servers = new ArrayList<>();
        gateway.tlsServers().forEach(tls -> servers.add(tls::updateSSLOptions));
        if (opsTls != null) servers.add(opsTls::updateSSLOptions);
        certificates = CertificateReloader.watch(vertx, config.server(), gateway.tlsIdentity(), servers);
        return this;
    }

    private Future<ParleyServer> watchCluster(ClusteredVertx node, RedisStores redis) {
        HazelcastInstance hz = node.hazelcast();
        this.hazelcast = hz;
        PresenceRepairVerticle repair = new PresenceRepairVerticle(gateway.nodeId(), config.cluster(), redis.nodes(),
                redis.presence(), gateway::sessionSnapshot, config.limits().presenceFanoutMax(), gateway::deliverLocally,
                gateway.audit());
        repair.withRooms(redis.roomStore(), config.rooms());
        gateway.onLeaveFailure(repair::departureLost);
        SubscriptionGuard guard = new SubscriptionGuard(gateway.nodeId(), SubscriptionGuard.registryOf(node.manager()),
                HazelcastSetup.HEARTBEAT_SECONDS * 1000L, gateway.audit(), gateway.metrics().busReregistrations::increment)
                .watch(SubscriptionGuard.Subscriptions.of(gateway::consumedAddresses, gateway::reregisterConsumer));
        return Future.all(vertx.deployVerticle(repair), vertx.deployVerticle(guard)).map(ids -> {
            subscriptions = guard;
            // Back from a split: put our sessions back into shared presence; after any change, check that
            // the cluster can still route to our consumers.
            ClusterMembership.listen(hz, gateway.audit(), repair::memberLeft, repair::reregisterSoon, guard::checkAll);
            guard.checkAll();
            return this;
        });
    }

    private static VertxOptions vertxOptions(ParleyConfig config) {
        return new VertxOptions().setEventLoopPoolSize(config.server().eventLoops())
                .setPreferNativeTransport(config.server().nativeTransport());
    }

    /**
     * Reads the certificate files again and, if they changed, serves the new certificate to new
     * connections (SIGHUP does this); true when it changed. Fails, keeping the current one, if the files are bad.
     */
    public Future<Boolean> reloadCertificates() {
        return certificates == null ? Future.failedFuture("TLS is off (server.tlsCert is not set)") : certificates.reload();
    }

    /** The chat port actually bound. */
    public int port() { return port; }
    /** The TLS chat port actually bound, or -1 when TLS is off. */
    public int tlsPort() { return gateway.tlsPort(); }
    /** The operations (HTTP) port actually bound, or -1 when disabled. */
    public int opsPort() { return opsPort; }
    /** This node's Vert.x (tests reach its event bus directly). */
    public Vertx vertx() { return vertx; }
    public String nodeId() { return gateway.nodeId(); }
    public ParleyConfig config() { return config; }
    public GatewayNode gateway() { return gateway; }

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
                .thenCompose(v -> VertxClose.offLoop(vertx))
                .whenComplete((v, t) -> {
                    if (hazelcast != null) hazelcast.shutdown();
                });
        return Future.fromCompletionStage(closed);
    }
}
