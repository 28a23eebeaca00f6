package dev.parley.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.UUID;

/**
 * A Vert.x instance whose event bus spans the cluster: Hazelcast for membership, mutual TLS between nodes.
 *
 * @param nodeId this node's id on the event bus
 * @param manager what Vert.x knows of the cluster: members, and who consumes which address
 */
public record ClusteredVertx(Vertx vertx, HazelcastInstance hazelcast, String nodeId, ClusterManager manager) {

    /** Blocks while Hazelcast joins (call it from a thread that may block, as the launcher does). */
    public static Future<ClusteredVertx> start(ParleyConfig.Cluster c, VertxOptions options) {
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
                .map(vertx -> new ClusteredVertx(vertx, hz, manager.getNodeId(), manager));
    }
}
