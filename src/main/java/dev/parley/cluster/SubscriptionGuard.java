package dev.parley.cluster;

import dev.parley.logging.Audit;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Anti-entropy for this node's event-bus subscriptions (issue 16). Vert.x routes a clustered send or
 * publish by the cluster-wide registry (Hazelcast's {@code __vertx.subs}), not by the consumers a node
 * really has, and a publish skips even the sender's own node when the registry lists other nodes but not it.
 * Around a split-brain merge that registry can lose a live node's registrations (a member's clean-up of
 * nodes it believed dead lands in the merged cluster); Vert.x republishes a node's registrations only when a
 * member leaves, so the node stays unreachable, silently, until then.
 * <p>
 * The guard looks the registry up for every address a {@link Subscriptions} source says this node consumes:
 * at once after a membership change or a merge, and every heartbeat (at most {@link #PER_TICK} addresses a
 * tick, in turn). An address without a registration of this node is registered again by its source: the new
 * registration is a fresh entry in the registry, whose event makes every node (this one too) reload its
 * routing for that address. Each repair is counted, logged and audited; until it is done the node's
 * {@link #missing()} set is not empty (readiness says so).
 */
public final class SubscriptionGuard extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGuard.class);
    /** Addresses looked up per periodic tick (one registry read each); events check every address. */
    static final int PER_TICK = 64;
    /** A check waits this long for a lookup, so that one slow read does not hold up the next checks. */
    static final long LOOKUP_TIMEOUT_MS = 3_000;

    /** What some part of this node consumes cluster-wide, and how it registers one of those consumers again. */
    public interface Subscriptions {
        /** The clustered addresses consumed now (registrations completed). */
        Collection<String> addresses();

        /** Replaces the consumer of {@code address} with a new registration; completes once it is in the registry. */
        Future<?> reregister(String address);

        static Subscriptions of(Supplier<? extends Collection<String>> addresses, Function<String, Future<?>> reregister) {
            return new Subscriptions() {
                @Override
                public Collection<String> addresses() {
                    return addresses.get();
                }

                @Override
                public Future<?> reregister(String address) {
                    return reregister.apply(address);
                }
            };
        }
    }

    private final String nodeId;
    /** The registry's registrations for an address (Vert.x's cluster manager in production). */
    private final Function<String, Future<List<RegistrationInfo>>> registry;
    private final long periodMs;
    private final Audit audit;
    private final Runnable repaired;
    private final List<Subscriptions> sources = new CopyOnWriteArrayList<>();
    /** Addresses found without this node's registration and not registered again yet. */
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    /** Addresses whose registry lookup has not answered yet (completed on worker threads). */
    private final Set<String> lookingUp = ConcurrentHashMap.newKeySet();
    // The fields below are used on this verticle's context only.
    private final Set<String> repairing = new HashSet<>();
    private boolean checking;
    private boolean fullCheckDue;
    private int cursor;
    private long timer = -1;

    /**
     * @param registry  the registrations the cluster knows for an address
     * @param periodMs  how often a share of the addresses is looked up (the cluster heartbeat)
     * @param repaired  counts one re-registration (a metric)
     */
    public SubscriptionGuard(String nodeId, Function<String, Future<List<RegistrationInfo>>> registry, long periodMs,
                             Audit audit, Runnable repaired) {
        this.nodeId = nodeId;
        this.registry = registry;
        this.periodMs = periodMs;
        this.audit = audit;
        this.repaired = repaired;
    }

    /** The registry of a clustered Vert.x: its cluster manager's view of {@code __vertx.subs}. */
    public static Function<String, Future<List<RegistrationInfo>>> registryOf(ClusterManager manager) {
        return address -> {
            Promise<List<RegistrationInfo>> p = Promise.promise();
            manager.getRegistrations(address, p);
            return p.future();
        };
    }

    /** Adds a source of addresses to guard (the delivery consumers, later one per room...). */
    public SubscriptionGuard watch(Subscriptions source) {
        sources.add(source);
        return this;
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(periodMs, id -> check(false));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** Checks every address soon (any thread): after a membership change or a merge. */
    public void checkAll() {
        context.runOnContext(v -> check(true));
    }

    /** Addresses this node consumes that the cluster cannot route to it now (empty when all is well). */
    public Set<String> missing() {
        return Set.copyOf(missing);
    }

    /** One pass; a pass asked for while one runs is done right after it (events are never dropped). */
    private void check(boolean all) {
        if (checking) {
            fullCheckDue |= all;
            return;
        }
        checking = true;
        List<Future<?>> done = new ArrayList<>();
        for (Work w : due(all)) done.add(verify(w.source(), w.address()));
        Future.join(done).onComplete(r -> {
            checking = false;
            if (fullCheckDue) {
                fullCheckDue = false;
                check(true);
            }
        });
    }

    private record Work(Subscriptions source, String address) {
    }

    /** Every address, or the next {@link #PER_TICK} of them in turn. */
    private List<Work> due(boolean all) {
        List<Work> every = new ArrayList<>();
        for (Subscriptions s : sources) {
            for (String a : s.addresses()) every.add(new Work(s, a));
        }
        if (all || every.size() <= PER_TICK) return every;
        List<Work> slice = new ArrayList<>(PER_TICK);
        for (int i = 0; i < PER_TICK; i++) slice.add(every.get((cursor + i) % every.size()));
        cursor = (cursor + PER_TICK) % every.size();
        return slice;
    }

    private Future<?> verify(Subscriptions source, String address) {
        // One lookup per address at a time: a registry read can block a worker for Hazelcast's call timeout (60 s)
        // while partitions move, and a new one every tick would fill the worker pool.
        if (repairing.contains(address) || !lookingUp.add(address)) return Future.succeededFuture();
        Future<List<RegistrationInfo>> found;
        try {
            found = registry.apply(address);
        } catch (RuntimeException e) {
            found = Future.failedFuture(e);
        }
        found.onComplete(r -> lookingUp.remove(address));
        return found.timeout(LOOKUP_TIMEOUT_MS, TimeUnit.MILLISECONDS).transform(r -> {
            if (r.failed()) {
                // The registry is unreachable or slow (a split, a merge under way): nothing to conclude; a later check looks again.
                LOG.debug("cannot read the bus registry for {}: {}", address, r.cause().toString());
                return Future.succeededFuture();
            }
            if (r.result().stream().anyMatch(this::ours)) {
                missing.remove(address);
                return Future.succeededFuture();
            }
            return repair(source, address);
        });
    }

    private boolean ours(RegistrationInfo info) {
        return nodeId.equals(info.nodeId()) && !info.localOnly();
    }

    private Future<?> repair(Subscriptions source, String address) {
        missing.add(address);
        repairing.add(address);
        repaired.run();
        audit.system(Audit.Event.BUS_REREGISTERED, address, "the cluster's bus registry had lost this node's consumer; registered again");
        Future<?> again;
        try {
            again = source.reregister(address);
        } catch (RuntimeException e) {
            again = Future.failedFuture(e);
        }
        // The source completes on its own context; the guard's state is kept on this one.
        Promise<Void> back = Promise.promise();
        again.onComplete(r -> context.runOnContext(v -> {
            repairing.remove(address);
            if (r.succeeded()) missing.remove(address);
            else LOG.warn("registering {} again failed ({}); the next check tries again", address, r.cause().toString());
            back.complete();
        }));
        return back.future();
    }
}
