package dev.parley.gateway;

import dev.parley.logging.Audit;
import dev.parley.ops.ParleyMetrics;
import dev.parley.tls.PemIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * This node's gateway: the shared state of its gateway instances (sessions, connection limits,
 * encoders) and the deployment of the instances plus the node's one delivery consumer.
 */
public final class GatewayNode {
    private final String nodeId;
    private final LocalSessions sessions = new LocalSessions();
    private final ConnectionLimiter limiter;
    private final NodeCapacity capacity;
    private final OutputBudget outputBudget;
    private final Encoders encoders;
    private final dev.parley.service.MessageIds ids = new dev.parley.service.MessageIds();
    private final List<String> deployments = new java.util.ArrayList<>();
    private NodeDeliveryVerticle delivery;
    private volatile java.util.function.Consumer<dev.parley.store.PresenceEntry> onLeaveFailure = e -> { };
    private final ParleyMetrics metrics;
    /** The TLS port's certificate and key, read once at deploy; null when TLS is off. */
    private PemIdentity tlsIdentity;
    private final List<NetServer> tlsServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int tlsPort = -1;

    private final Audit audit;
    /** This node's bus, for the delivery consumer's checks. */
    private final dev.parley.service.Bus bus;
    private final GatewaySettings settings;
    /** The clock every deadline and rate limit of this node's connections reads. */
    private final LongSupplier nanoTime = System::nanoTime;

    public GatewayNode(String nodeId, GatewaySettings settings, ParleyMetrics metrics, Audit audit, dev.parley.service.Bus bus) {
        this.settings = settings;
        this.audit = audit;
        this.bus = bus;
        this.nodeId = nodeId;
        this.metrics = metrics;
        this.encoders = new Encoders(settings.rooms().defaultRoom());
        metrics.gauge("parley_connections", "open client connections on this node", this::connectionCount);
        metrics.gauge("parley_sessions", "logged-in sessions on this node", this::sessionCount);
        this.limiter = new ConnectionLimiter(settings.limits().maxConnections(), settings.limits().maxConnectionsPerAddress(),
                dev.parley.config.AddressSet.parse(settings.limits().exemptAddresses()));
        this.capacity = NodeCapacity.of(limiter::total, settings.limits().maxConnections());
        this.outputBudget = new OutputBudget(OutputBudget.effective(settings.limits().maxPendingOutputBytes(),
                io.netty.util.internal.PlatformDependent.maxDirectMemory()));
        metrics.gauge("parley_pending_output_bytes", "output waiting for readers on this node (direct memory)",
                outputBudget::pending);
        metrics.gauge("parley_pending_output_budget_bytes", "limits.maxPendingOutputBytes as applied (at most a quarter of the max direct memory)",
                outputBudget::max);
        metrics.gauge("parley_pending_output_high_water_bytes", "the most output ever pending at once on this node",
                outputBudget::highWater);
    }

    /** Deploys the delivery consumer, then the gateway instances; completes with the bound port. */
    public Future<Integer> deploy(Vertx vertx) {
        delivery = new NodeDeliveryVerticle(this, bus);
        return readTlsIdentity(vertx, settings.server())
                .compose(identity -> {
                    tlsIdentity = identity;
                    return vertx.deployVerticle(delivery);
                })
                .compose(id -> {
                    deployments.add(id);
                    List<GatewayVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
                    return vertx.deployVerticle(() -> {
                                GatewayVerticle g = new GatewayVerticle(settings, this, nanoTime);
                                instances.add(g);
                                return g;
                            }, new io.vertx.core.DeploymentOptions().setInstances(settings.server().gatewayInstances()))
                            .map(id2 -> {
                                deployments.add(0, id2);
                                return instances.get(0).actualPort();
                            });
                });
    }

    /** Reads the certificate files on a worker: a startup error names the setting at fault. */
    private static Future<PemIdentity> readTlsIdentity(Vertx vertx, dev.parley.config.ParleyConfig.Server server) {
        if (!server.tlsEnabled()) return Future.succeededFuture();
        return vertx.executeBlocking(() -> PemIdentity.read(Path.of(server.tlsCert()), Path.of(server.tlsKey())), false);
    }

    /** Gateways first (they say bye and record departures while the services still run). */
    public Future<Void> undeploy(Vertx vertx) {
        Future<Void> chain = Future.succeededFuture();
        for (String id : deployments) {
            chain = chain.transform(v -> vertx.undeploy(id));
        }
        deployments.clear();
        return chain;
    }

    /** The TLS port actually bound, or -1 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The certificate the TLS port started with, or null when TLS is off. */
    public PemIdentity tlsIdentity() {
        return tlsIdentity;
    }

    /** Every gateway instance's TLS server, for certificate reloads. */
    public List<NetServer> tlsServers() {
        return tlsServers;
    }

    void tlsListening(NetServer server) {
        tlsServers.add(server);
        tlsPort = server.actualPort();
    }

    /** The IRC TLS port serves the same certificate, so a reload renews it there too. */
    void ircTlsListening(NetServer server) {
        tlsServers.add(server);
    }

    public String nodeId() {
        return nodeId;
    }

    /** Who to tell when a departure could not be recorded (the cluster's stale-presence sweep). */
    public void onLeaveFailure(java.util.function.Consumer<dev.parley.store.PresenceEntry> action) {
        this.onLeaveFailure = action;
    }

    void leaveFailed(dev.parley.store.PresenceEntry departed) {
        onLeaveFailure.accept(departed);
    }

    /** Hands a delivery to this node's users, bypassing the bus. */
    public void deliverLocally(dev.parley.service.delivery.Delivery delivery) {
        if (this.delivery != null) this.delivery.deliverLocally(delivery);
    }

    /** See {@link NodeDeliveryVerticle#acquireRoom}. */
    Future<Long> acquireRoom(String room, GatewayVerticle g) {
        return delivery.acquireRoom(room, g);
    }

    /** See {@link NodeDeliveryVerticle#releaseRoom}. */
    void releaseRoom(String room, GatewayVerticle g) {
        delivery.releaseRoom(room, g);
    }

    GatewaySettings settings() {
        return settings;
    }

    /** The clustered addresses this node's delivery consumer takes, rooms included (none before deploy). */
    public List<String> consumedAddresses() {
        return delivery == null ? List.of() : delivery.addresses();
    }

    /** Registers the delivery consumer of {@code address} again (the cluster's registry lost it). */
    public Future<?> reregisterConsumer(String address) {
        return delivery == null ? Future.succeededFuture() : delivery.reregister(address);
    }

    /** This node's live sessions, as presence entries. */
    public List<dev.parley.store.PresenceEntry> sessionSnapshot() {
        return sessions.snapshot(nodeId);
    }

    /** Room for more users (connection slots, file descriptors); see {@link NodeCapacity}. */
    public NodeCapacity capacity() {
        return capacity;
    }

    /** Output waiting for readers on this node now, and the most there ever was (bytes). */
    public long pendingOutputBytes() {
        return outputBudget.pending();
    }

    public long pendingOutputHighWater() {
        return outputBudget.highWater();
    }

    /** The node-wide output budget actually applied (see {@link OutputBudget#effective}). */
    public long pendingOutputBudget() {
        return outputBudget.max();
    }

    OutputBudget outputBudget() {
        return outputBudget;
    }

    public int connectionCount() {
        return limiter.total();
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** The audit trail: logins, logouts, drops, kicks. */
    public Audit audit() {
        return audit;
    }

    public ParleyMetrics metrics() {
        return metrics;
    }

    LocalSessions sessions() {
        return sessions;
    }

    ConnectionLimiter limiter() {
        return limiter;
    }

    dev.parley.service.MessageIds ids() {
        return ids;
    }

    Encoders encoders() {
        return encoders;
    }
}
