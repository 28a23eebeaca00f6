package dev.parley.ops;

import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.Ping;
import dev.parley.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The checks that make a node ready: each is something users would feel if it failed. */
public final class NodeReadiness {
    /** Bound on the store and bus checks: a probe must answer well within Kubernetes' probe timeout. */
    private static final int CHECK_TIMEOUT_MS = 2000;

    private NodeReadiness() {
    }

    /**
     * @param stopping true once the node is shutting down (it must stop receiving users before it closes)
     * @param capacity blocking check of connection slots and file descriptors; throws when nearly used up
     * @param cluster  joined to the cluster (single node: always up)
     */
    public static Readiness of(Vertx vertx, String nodeId, BooleanSupplier stopping, Callable<String> capacity,
                               Supplier<Future<?>> cluster, Stores stores) {
        return new Readiness()
                .add("gateway", () -> stopping.getAsBoolean() ? Future.failedFuture("shutting down") : Future.succeededFuture())
                .add("capacity", () -> vertx.executeBlocking(capacity, false))
                .add("cluster", cluster)
                .add("store", () -> stores.ping().timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                // Delivery really reaches this node's consumer: the failure users feel as silence.
                .add("bus", () -> vertx.eventBus().request(NodeAddresses.node(nodeId),
                        new Ping().toJson(), new DeliveryOptions().setSendTimeout(CHECK_TIMEOUT_MS)));
    }
}
