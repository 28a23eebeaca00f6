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
import dev.parley.logging.Audit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final Audit audit;
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
                             java.util.function.Consumer<JsonObject> localDelivery, Audit audit) {
        this.audit = audit;
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
                    // Not "our id is missing from nodes": a survivor could forget us between that read and the
                    // heartbeat, which re-registers us, and the loss of our sessions would go unnoticed for good.
                    return registry.heartbeat(nodeId, ttlMillis()).map(forgotten -> forgotten || redisDown).map(repair -> {
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
                    if (redisDown) audit.system(Audit.Event.REDIS_RECOVERED, nodeId, "heartbeats reach Redis again");
                    redisDown = false;
                    backoffMillis = heartbeatMillis();
                    schedule(heartbeatMillis());
                })
                .onFailure(t -> {
                    if (!redisDown) audit.system(Audit.Event.REDIS_LOST, nodeId, "Redis unreachable (" + t.getMessage() + "); retrying");
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
                        audit.system(Audit.Event.NODE_DEAD, node, done.result().size() + " user(s) offline");
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
        inBatches(localSessions.get(), this::reconcileOne).onComplete(done -> {
            if (done.succeeded() && !done.result().failed().isEmpty()) {
                LOG.warn("re-registering " + done.result().failed().size() + " session(s) failed: "
                        + done.result().firstFailure().getMessage());
            }
            reconciling = false;
            if (reconcileAgain) {
                reconcileAgain = false;
                reconcile();
            }
        });
    }

    private Future<Object> reconcileOne(PresenceEntry mine) {
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
        // A failed LEAVE may still have happened: unless the user is online with another session by
        // now, remove the entry if it is still there, and announce the departure either way.
        inBatches(departures, d -> presence.get(d.user()).compose(current -> {
            if (current != null && !current.session().equals(d.session())) return Future.succeededFuture((PresenceEntry) null);
            return (current == null ? Future.<PresenceEntry>succeededFuture() : presence.leave(d.user(), d.session()))
                    .map(ignored -> d);
        })).compose(outcome -> announceOffline(outcome.done()).map(announced -> outcome))
                .onComplete(done -> {
                    List<PresenceEntry> retry = done.succeeded() ? done.result().failed() : departures;
                    if (!retry.isEmpty()) {
                        pendingDepartures.addAll(retry);
                        LOG.warn("announcing " + retry.size() + " lost departure(s) failed; retrying");
                        sweepSoon();
                    }
                    sweepUnannounced();
                });
    }

    private void sweepUnannounced() {
        java.util.Set<String> live = new java.util.HashSet<>();
        localSessions.get().forEach(e -> live.add(e.session()));
        presence.entriesOf(nodeId)
                .compose(entries -> {
                    List<PresenceEntry> stale = entries.stream().filter(e -> !live.contains(e.session())).toList();
                    return inBatches(stale, e -> presence.leave(e.user(), e.session())).compose(outcome -> {
                        // Entries that could not be removed stay listed, so the next sweep finds them again.
                        if (!outcome.failed().isEmpty()) sweepSoon();
                        return announceOffline(outcome.done());
                    }).map(removed -> {
                        if (removed > 0) LOG.info("node " + nodeId + ": removed " + removed + " stale presence entries");
                        return removed;
                    });
                })
                .onFailure(t -> {
                    LOG.warn("sweeping stale presence failed (" + t.getMessage() + "); retrying");
                    sweepSoon();
                });
    }

    /**
     * Tells everyone the non-null entries left (same rule as the presence service: no online² storms in
     * huge rooms); returns how many there were.
     */
    private Future<Integer> announceOffline(List<PresenceEntry> maybeGone) {
        List<PresenceEntry> gone = maybeGone.stream().filter(java.util.Objects::nonNull).toList();
        if (gone.isEmpty()) return Future.succeededFuture(0);
        return presence.count().map(count -> {
            if (count <= presenceFanoutMax) {
                for (PresenceEntry e : gone) {
                    vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(e.user(), e.name(), false));
                }
            }
            return gone.size();
        });
    }

    /** What {@link #inBatches} did: the results of the steps that succeeded, and the items whose step failed. */
    private record Batched<T, R>(List<R> done, List<T> failed, Throwable firstFailure) {
    }

    /**
     * Runs {@code step} for every item, {@link #RECONCILE_BATCH} at a time and one batch after another,
     * so a node with many sessions never floods Redis. A failed step does not stop the others.
     */
    private <T, R> Future<Batched<T, R>> inBatches(List<T> items, java.util.function.Function<T, Future<R>> step) {
        Batched<T, R> outcome = new Batched<>(new ArrayList<>(), new ArrayList<>(), null);
        return nextBatch(items, 0, step, outcome);
    }

    private <T, R> Future<Batched<T, R>> nextBatch(List<T> items, int from, java.util.function.Function<T, Future<R>> step,
                                                   Batched<T, R> outcome) {
        if (from >= items.size() || stopped) return Future.succeededFuture(outcome);
        List<T> slice = items.subList(from, Math.min(items.size(), from + RECONCILE_BATCH));
        List<Future<R>> batch = new ArrayList<>(slice.size());
        for (T item : slice) batch.add(step.apply(item));
        return Future.join(batch).transform(done -> {
            Batched<T, R> next = outcome;
            for (int i = 0; i < batch.size(); i++) {
                Future<R> f = batch.get(i);
                if (f.succeeded()) {
                    next.done().add(f.result());
                } else {
                    next.failed().add(slice.get(i));
                    if (next.firstFailure() == null) next = new Batched<>(next.done(), next.failed(), f.cause());
                }
            }
            return nextBatch(items, from + RECONCILE_BATCH, step, next);
        });
    }

    private long heartbeatMillis() {
        return config.heartbeatSeconds() * 1000L;
    }

    private long ttlMillis() {
        return config.nodeTimeoutSeconds() * 1000L;
    }
}
