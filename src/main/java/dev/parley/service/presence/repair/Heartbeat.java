package dev.parley.service.presence.repair;

import dev.parley.logging.Audit;
import dev.parley.store.NodeRegistry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Keeps this node's heartbeat key alive in the shared registry, and on each beat looks at the others: a node
 * whose key expired is reported dead. Notices when this node was forgotten (or Redis was unreachable), since
 * its sessions may then be missing from shared presence. Backs off while Redis is down.
 */
final class Heartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Every this many beats, stale entries are swept anyway (a safety net for lost departures). */
    static final int SWEEP_EVERY_BEATS = 60;

    /** What the beats find out. */
    interface Findings {
        /** Shared presence may have lost this node's sessions. */
        void lostOwnEntries();

        void nodeDead(String node);

        /** Time for the periodic stale sweep. */
        void sweepDue();
    }

    private final String self;
    private final NodeRegistry registry;
    private final long periodMillis;
    private final long ttlMillis;
    private final Timers timers;
    private final Audit audit;
    private final Findings findings;
    private long backoffMillis;
    private boolean redisDown;
    private int beats;
    private long timer = -1;
    private boolean stopped;

    /** @param ttlMillis how long the key lives without a beat: past it, other nodes think this one dead */
    Heartbeat(String self, NodeRegistry registry, long periodMillis, long ttlMillis, Timers timers, Audit audit,
              Findings findings) {
        this.self = self;
        this.registry = registry;
        this.periodMillis = periodMillis;
        this.ttlMillis = ttlMillis;
        this.timers = timers;
        this.audit = audit;
        this.findings = findings;
        this.backoffMillis = periodMillis;
    }

    /** The first beat; completes when it reached the registry, then beats on. */
    Future<Void> start() {
        return registry.heartbeat(self, ttlMillis).onSuccess(v -> schedule(periodMillis)).mapEmpty();
    }

    void stop() {
        stopped = true;
        if (timer >= 0) timers.cancel(timer);
    }

    private void schedule(long delay) {
        if (stopped) return;
        timer = timers.after(delay, this::beat);
    }

    private void beat() {
        registry.nodes()
                // Not "our id is missing from nodes": a survivor could forget us between that read and the
                // heartbeat, which re-registers us, and the loss of our sessions would go unnoticed for good.
                .compose(nodes -> registry.heartbeat(self, ttlMillis).map(forgotten -> {
                    if (forgotten || redisDown) {
                        LOG.info("node " + self + ": shared presence lost this node's sessions; re-registering them");
                        findings.lostOwnEntries();
                    }
                    checkOthers(nodes);
                    return null;
                }))
                .onSuccess(v -> {
                    if (++beats % SWEEP_EVERY_BEATS == 0) findings.sweepDue();
                    if (redisDown) audit.system(Audit.Event.REDIS_RECOVERED, self, "heartbeats reach Redis again");
                    redisDown = false;
                    backoffMillis = periodMillis;
                    schedule(periodMillis);
                })
                .onFailure(t -> {
                    if (!redisDown) audit.system(Audit.Event.REDIS_LOST, self, "Redis unreachable (" + t.getMessage() + "); retrying");
                    redisDown = true;
                    backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
                    schedule(backoffMillis);
                });
    }

    private void checkOthers(List<String> nodes) {
        for (String other : nodes) {
            if (other.equals(self)) continue;
            registry.alive(other).onSuccess(alive -> {
                if (!alive) findings.nodeDead(other);
            });
        }
    }
}
