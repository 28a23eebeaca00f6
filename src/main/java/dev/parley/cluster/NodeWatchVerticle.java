package dev.parley.cluster;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ByeReason;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.store.NodeRegistry;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps cluster presence true without relying on dead nodes: each node refreshes a heartbeat key
 * with a TTL in Redis; any node that finds another's key expired, or hears from Hazelcast that it
 * left, removes that node's users and announces them offline (one node wins the cleanup). When this
 * node's own view was lost (Redis restarted, or the cluster declared it dead during a pause or a
 * split), it re-registers its live sessions.
 */
public final class NodeWatchVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(NodeWatchVerticle.class);
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final String nodeId;
    private final ParleyConfig.Cluster config;
    private final NodeRegistry registry;
    private final PresenceStore presence;
    private final Supplier<List<PresenceEntry>> localSessions;
    private final int presenceFanoutMax;
    private long backoffMillis;
    private boolean redisDown;
    private long timer = -1;
    private volatile boolean stopped;

    public NodeWatchVerticle(String nodeId, ParleyConfig.Cluster config, NodeRegistry registry, PresenceStore presence,
                             Supplier<List<PresenceEntry>> localSessions, int presenceFanoutMax) {
        this.presenceFanoutMax = presenceFanoutMax;
        this.nodeId = nodeId;
        this.config = config;
        this.registry = registry;
        this.presence = presence;
        this.localSessions = localSessions;
    }

    @Override
    public Future<?> start() {
        backoffMillis = heartbeatMillis();
        return registry.heartbeat(nodeId, ttlMillis()).onSuccess(v -> schedule(heartbeatMillis()));
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        if (timer >= 0) vertx.cancelTimer(timer);
        return registry.forget(nodeId).otherwiseEmpty();
    }

    /** Hazelcast says a member left: no need to wait for its heartbeat key to expire. */
    public void memberLeft(String node) {
        context.runOnContext(v -> cleanup(node));
    }

    /** After a healed split or a Redis restart: make the shared table hold this node's sessions again. */
    public void reconcileSoon() {
        context.runOnContext(v -> reconcile());
    }

    private void schedule(long delay) {
        if (stopped) return;
        timer = vertx.setTimer(delay, id -> tick());
    }

    private void tick() {
        registry.nodes()
                .compose(nodes -> {
                    boolean forgotten = !nodes.contains(nodeId);
                    return registry.heartbeat(nodeId, ttlMillis()).map(v -> forgotten || redisDown).map(repair -> {
                        if (repair) {
                            LOG.info("node " + nodeId + ": shared presence lost this node's sessions; re-registering them");
                            reconcile();
                        }
                        for (String other : nodes) {
                            if (!other.equals(nodeId)) {
                                registry.alive(other).onSuccess(alive -> {
                                    if (!alive) cleanup(other);
                                });
                            }
                        }
                        return null;
                    });
                })
                .onSuccess(v -> {
                    redisDown = false;
                    backoffMillis = heartbeatMillis();
                    schedule(heartbeatMillis());
                })
                .onFailure(t -> {
                    if (!redisDown) LOG.warn("node " + nodeId + ": Redis unreachable (" + t.getMessage() + "); retrying");
                    redisDown = true;
                    backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
                    schedule(backoffMillis);
                });
    }

    private void cleanup(String node) {
        if (node.equals(nodeId)) return;
        registry.claimCleanup(node, ttlMillis())
                .compose(won -> won ? presence.removeNode(node) : Future.succeededFuture(List.<PresenceEntry>of()))
                .compose(removed -> removed.isEmpty() ? Future.succeededFuture(removed)
                        : presence.count().map(count -> {
                            // Same rule as the presence service: no online² storms in huge rooms.
                            if (count + removed.size() <= presenceFanoutMax) {
                                for (PresenceEntry e : removed) {
                                    vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(e.user(), e.name(), false));
                                }
                            }
                            return removed;
                        }))
                .compose(removed -> {
                    if (!removed.isEmpty()) LOG.info("node " + node + " is gone: " + removed.size() + " user(s) offline");
                    return registry.forget(node);
                })
                .onFailure(t -> LOG.warn("cleanup of node " + node + " failed: " + t.getMessage()));
    }

    private void reconcile() {
        List<Future<?>> all = new ArrayList<>();
        for (PresenceEntry mine : localSessions.get()) {
            all.add(presence.get(mine.user()).<Object>compose(current -> {
                if (current == null) {
                    return presence.join(mine).compose(prev -> presence.count()).map(count -> {
                        if (count <= presenceFanoutMax) {
                            vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(mine.user(), mine.name(), true));
                        }
                        return count;
                    });
                }
                if (!current.session().equals(mine.session())) {
                    // Logged in elsewhere while we were cut off: the newer session wins.
                    vertx.eventBus().send(NodeAddresses.node(nodeId), Delivery.kick(mine.user(), mine.session(), ByeReason.REPLACED));
                    return Future.succeededFuture(null);
                }
                return presence.join(mine).<Object>map(prev -> prev);
            }));
        }
        Future.join(all).onFailure(t -> LOG.warn("re-registering sessions failed: " + t.getMessage()));
    }

    private long heartbeatMillis() {
        return config.heartbeatSeconds() * 1000L;
    }

    private long ttlMillis() {
        return config.nodeTimeoutSeconds() * 1000L;
    }
}
