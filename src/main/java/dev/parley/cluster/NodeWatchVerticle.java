package dev.parley.cluster;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ByeReason;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.store.NodeRegistry;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
    /** This node's users, reached without the bus. */
    private final java.util.function.Consumer<JsonObject> localDelivery;
    private long backoffMillis;
    private boolean redisDown;
    private long timer = -1;
    private volatile boolean stopped;
    /** Sessions re-registered concurrently; bounds the burst of Redis calls. */
    private static final int RECONCILE_BATCH = 64;
    private static final long SWEEP_DELAY_MILLIS = 2000;
    /** Every this many heartbeats, stale entries are swept anyway (a safety net for lost departures). */
    private static final int SWEEP_EVERY_TICKS = 60;
    private long sweepTimer = -1;
    private static final int MAX_PENDING_DEPARTURES = 1_000_000;
    private List<PresenceEntry> pendingDepartures = new ArrayList<>();
    private int ticks;
    /** How long the list of a dead node's users is kept for the other survivors. */
    private static final long GONE_TTL_MILLIS = 60_000;
    private static final long GONE_POLL_MILLIS = 250;
    private static final int GONE_POLLS = 20;
    private final java.util.Set<String> cleaningUp = new java.util.HashSet<>();
    private boolean reconciling;
    private boolean reconcileAgain;

    public NodeWatchVerticle(String nodeId, ParleyConfig.Cluster config, NodeRegistry registry, PresenceStore presence,
                             Supplier<List<PresenceEntry>> localSessions, int presenceFanoutMax,
                             java.util.function.Consumer<JsonObject> localDelivery) {
        this.localDelivery = localDelivery;
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

    /**
     * A departure could not be recorded (Redis busy or down): soon, remove from shared presence every
     * entry of this node that has no live session. Debounced: a mass disconnect triggers one sweep.
     */
    public void sweepSoon(PresenceEntry departed) {
        context.runOnContext(v -> {
            // The failed LEAVE may still have happened (a command can time out here and run in Redis later):
            // remember it, so the departure is announced whichever way it went.
            if (departed != null && pendingDepartures.size() < MAX_PENDING_DEPARTURES) pendingDepartures.add(departed);
            sweepSoon();
        });
    }

    private void sweepSoon() {
        context.runOnContext(v -> {
            if (sweepTimer >= 0 || stopped) return;
            sweepTimer = vertx.setTimer(SWEEP_DELAY_MILLIS, id -> {
                sweepTimer = -1;
                sweepStale();
            });
        });
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
                    if (++ticks % SWEEP_EVERY_TICKS == 0) sweepStale();
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

    /**
     * A node is gone. One survivor (the lock winner) removes its users from shared presence and records
     * who they were; every survivor then announces them offline to its own users. Announcing locally,
     * not by one cluster-wide publish, keeps the news flowing when the survivors themselves are briefly
     * split (seen right after a member dies).
     */
    private void cleanup(String node) {
        // One cleanup per node at a time here (Hazelcast and the heartbeat check may both report it).
        if (node.equals(nodeId) || !cleaningUp.add(node)) return;
        registry.claimCleanup(node, ttlMillis())
                .compose(won -> won ? removeAndRecord(node) : awaitRecord(node, GONE_POLLS))
                .compose(removed -> presence.count().map(count -> {
                    // Same rule as the presence service: no online² storms in huge rooms.
                    if (!removed.isEmpty() && count + removed.size() <= presenceFanoutMax) {
                        for (PresenceEntry e : removed) {
                            localDelivery.accept(Delivery.presence(e.user(), e.name(), false));
                        }
                    }
                    return removed;
                }))
                .onComplete(done -> {
                    cleaningUp.remove(node);
                    if (done.failed()) LOG.warn("cleanup of node " + node + " failed: " + done.cause().getMessage());
                    else if (!done.result().isEmpty()) {
                        LOG.info("node " + node + " is gone: " + done.result().size() + " user(s) offline");
                    }
                });
    }

    private Future<List<PresenceEntry>> removeAndRecord(String node) {
        return presence.removeNode(node).compose(removed -> {
            JsonArray gone = new JsonArray();
            removed.forEach(e -> gone.add(e.toJson()));
            return registry.recordGone(node, gone.encode(), GONE_TTL_MILLIS)
                    .compose(v -> registry.forget(node))
                    .map(v -> removed);
        });
    }

    /** The winner's record of a dead node's users; polled briefly, since the winner may still be at it. */
    private Future<List<PresenceEntry>> awaitRecord(String node, int pollsLeft) {
        return registry.gone(node).compose(json -> {
            if (json != null) {
                List<PresenceEntry> out = new ArrayList<>();
                new JsonArray(json).forEach(o -> out.add(PresenceEntry.fromJson((JsonObject) o)));
                return Future.succeededFuture(out);
            }
            if (pollsLeft <= 0) return Future.succeededFuture(List.<PresenceEntry>of());
            Promise<List<PresenceEntry>> later = Promise.promise();
            vertx.setTimer(GONE_POLL_MILLIS, id -> awaitRecord(node, pollsLeft - 1).onComplete(later));
            return later.future();
        });
    }

    /**
     * Puts this node's sessions back into shared presence. One at a time per batch, batches one after
     * another, and never two runs at once: after a false death under load every node may do this for
     * all its sessions, and an unbounded burst of Redis calls would overflow the pool and fail logins.
     */
    private void reconcile() {
        if (reconciling) {
            reconcileAgain = true;
            return;
        }
        reconciling = true;
        reconcileBatches(localSessions.get(), 0).onComplete(done -> {
            if (done.failed()) LOG.warn("re-registering sessions failed: " + done.cause().getMessage());
            reconciling = false;
            if (reconcileAgain) {
                reconcileAgain = false;
                reconcile();
            }
        });
    }

    private Future<Void> reconcileBatches(List<PresenceEntry> sessions, int from) {
        if (from >= sessions.size() || stopped) return Future.succeededFuture();
        List<Future<?>> batch = new ArrayList<>();
        for (PresenceEntry mine : sessions.subList(from, Math.min(sessions.size(), from + RECONCILE_BATCH))) {
            batch.add(reconcileOne(mine));
        }
        return Future.join(batch).transform(v -> reconcileBatches(sessions, from + RECONCILE_BATCH));
    }

    private Future<?> reconcileOne(PresenceEntry mine) {
        return presence.get(mine.user()).<Object>compose(current -> {
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
        });
    }

    /** Removes entries naming this node whose session is gone (departures lost while Redis was busy). */
    private void sweepStale() {
        List<PresenceEntry> departures = pendingDepartures;
        pendingDepartures = new ArrayList<>();
        announceDepartures(departures, 0)
                .onFailure(t -> {
                    pendingDepartures.addAll(departures);
                    LOG.warn("announcing lost departures failed (" + t.getMessage() + "); retrying");
                    sweepSoon();
                })
                .onSuccess(v -> sweepUnannounced());
    }

    /**
     * Departures whose LEAVE failed: if the user is still listed with that session, remove it; either
     * way, unless they are online with another session by now, tell everyone they left.
     */
    private Future<Void> announceDepartures(List<PresenceEntry> departures, int from) {
        if (from >= departures.size() || stopped) return Future.succeededFuture();
        List<Future<PresenceEntry>> batch = new ArrayList<>();
        for (PresenceEntry d : departures.subList(from, Math.min(departures.size(), from + RECONCILE_BATCH))) {
            batch.add(presence.get(d.user()).compose(current -> {
                if (current != null && !current.session().equals(d.session())) return Future.succeededFuture(null);
                return (current == null ? Future.<PresenceEntry>succeededFuture() : presence.leave(d.user(), d.session()))
                        .map(ignored -> d);
            }));
        }
        return Future.all(batch).compose(done -> presence.count().map(count -> {
            for (Future<PresenceEntry> f : batch) {
                if (f.result() != null && count <= presenceFanoutMax) {
                    vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(f.result().user(), f.result().name(), false));
                }
            }
            return null;
        })).compose(v -> announceDepartures(departures, from + RECONCILE_BATCH));
    }

    private void sweepUnannounced() {
        java.util.Set<String> live = new java.util.HashSet<>();
        localSessions.get().forEach(e -> live.add(e.session()));
        presence.entriesOf(nodeId)
                .compose(entries -> {
                    List<PresenceEntry> stale = entries.stream().filter(e -> !live.contains(e.session())).toList();
                    return removeStale(stale, 0).map(removed -> {
                        if (removed > 0) LOG.info("node " + nodeId + ": removed " + removed + " stale presence entries");
                        return removed;
                    });
                })
                .onFailure(t -> {
                    LOG.warn("sweeping stale presence failed (" + t.getMessage() + "); retrying");
                    sweepSoon();
                });
    }

    private Future<Integer> removeStale(List<PresenceEntry> stale, int from) {
        if (from >= stale.size() || stopped) return Future.succeededFuture(0);
        List<Future<PresenceEntry>> batch = new ArrayList<>();
        for (PresenceEntry e : stale.subList(from, Math.min(stale.size(), from + RECONCILE_BATCH))) {
            batch.add(presence.leave(e.user(), e.session()));
        }
        return Future.all(batch).compose(done -> presence.count().map(count -> {
            int removed = 0;
            for (Future<PresenceEntry> f : batch) {
                PresenceEntry gone = f.result();
                if (gone == null) continue;
                removed++;
                if (count <= presenceFanoutMax) {
                    vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(gone.user(), gone.name(), false));
                }
            }
            return removed;
        })).compose(removed -> removeStale(stale, from + RECONCILE_BATCH).map(more -> removed + more));
    }

    private long heartbeatMillis() {
        return config.heartbeatSeconds() * 1000L;
    }

    private long ttlMillis() {
        return config.nodeTimeoutSeconds() * 1000L;
    }
}
