package dev.parley;

import dev.parley.config.ParleyConfig;
import dev.parley.gateway.GatewayNode;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.auth.AuthVerticle;
import dev.parley.service.group.GroupVerticle;
import dev.parley.service.mailbox.MailboxVerticle;
import dev.parley.service.presence.PresenceVerticle;
import dev.parley.store.Stores;
import dev.parley.store.mvstore.MvStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** One running Parley node: its Vert.x instance, stores, services and gateway. */
public final class ParleyServer {
    private final Vertx vertx;
    private final Stores stores;
    private final GatewayNode gateway;
    private final int port;
    private final ParleyConfig config;

    private ParleyServer(Vertx vertx, Stores stores, GatewayNode gateway, int port, ParleyConfig config) {
        this.vertx = vertx;
        this.stores = stores;
        this.gateway = gateway;
        this.port = port;
        this.config = config;
    }

    /** Starts a single node on an embedded store. */
    public static Future<ParleyServer> start(ParleyConfig config) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.server().eventLoops()));
        String nodeId = config.server().nodeId().isBlank()
                ? UUID.randomUUID().toString().substring(0, 8) : config.server().nodeId();
        return vertx.executeBlocking(() -> MvStores.open(vertx, Path.of(config.store().dataDir()), config.history().maxMessages()))
                .compose(stores -> deployAll(vertx, config, stores, nodeId))
                .recover(t -> vertx.close().transform(v -> Future.failedFuture(t)));
    }

    private static Future<ParleyServer> deployAll(Vertx vertx, ParleyConfig config, Stores stores, String nodeId) {
        Dedup dedup = new Dedup(stores.idempotency(), Duration.ofSeconds(config.messages().dedupWindowSeconds()));
        MessageIds ids = new MessageIds();
        GatewayNode gateway = new GatewayNode(nodeId, config);
        return Future.join(
                        vertx.deployVerticle(new AuthVerticle(config.auth(), stores.users())),
                        vertx.deployVerticle(new PresenceVerticle(config.limits().whoListMax(), stores.presence(), stores.lastSeen())),
                        vertx.deployVerticle(new GroupVerticle(stores.groupHistory(), dedup, ids)),
                        vertx.deployVerticle(new MailboxVerticle(config, stores.users(), stores.mailbox(),
                                stores.groupHistory(), stores.lastSeen(), dedup, ids)))
                .compose(v -> gateway.deploy(vertx, config))
                .map(port -> new ParleyServer(vertx, stores, gateway, port, config));
    }

    public int port() {
        return port;
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
     * then the store is committed and closed.
     */
    public Future<Void> close() {
        return gateway.undeploy(vertx)
                .transform(v -> Future.join(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()))
                .transform(v -> stores.close())
                .transform(v -> vertx.close());
    }
}
