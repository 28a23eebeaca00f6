package dev.parley.service.presence.repair;

import dev.parley.logging.Audit;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.NodeRegistry;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A node is gone. One survivor (the lock winner) removes its users from shared presence and records who
 * they were; every survivor then announces them offline to its own users. Announcing locally, not by one
 * cluster-wide publish, keeps the news flowing when the survivors themselves are briefly split (seen right
 * after a member dies). Users who had moved to another node are not the dead node's: the store removes
 * only entries that still name it.
 */
final class DeadNodeCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(DeadNodeCleanup.class);
    /** How long the list of a dead node's users is kept for the other survivors. */
    static final long GONE_TTL_MILLIS = 60_000;
    /** The winner may still be removing when the others look: they poll its record this often, this many times. */
    static final long GONE_POLL_MILLIS = 250;
    static final int GONE_POLLS = 20;

    private final String self;
    private final NodeRegistry registry;
    private final PresenceStore presence;
    private final long lockMillis;
    private final PresenceAnnouncer localUsers;
    private final Timers timers;
    private final Audit audit;
    /** One cleanup per node at a time here (Hazelcast and the heartbeat check may both report it). */
    private final Set<String> cleaningUp = new HashSet<>();

    /** @param localUsers announces to this node's users without the bus */
    DeadNodeCleanup(String self, NodeRegistry registry, PresenceStore presence, long lockMillis,
                    PresenceAnnouncer localUsers, Timers timers, Audit audit) {
        this.self = self;
        this.registry = registry;
        this.presence = presence;
        this.lockMillis = lockMillis;
        this.localUsers = localUsers;
        this.timers = timers;
        this.audit = audit;
    }

    /** Completes with the dead node's users (announced here), or empty when there was nothing to do. */
    Future<List<PresenceEntry>> cleanup(String node) {
        if (node.equals(self) || !cleaningUp.add(node)) return Future.succeededFuture(List.of());
        return registry.claimCleanup(node, lockMillis)
                .compose(won -> won ? removeAndRecord(node) : awaitRecord(node, GONE_POLLS))
                .compose(removed -> presence.count().map(count -> {
                    localUsers.nodeLost(removed, count);
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
            timers.after(GONE_POLL_MILLIS, () -> awaitRecord(node, pollsLeft - 1).onComplete(later));
            return later.future();
        });
    }
}
