package dev.parley.store;

import io.vertx.core.Future;

import java.util.List;

/** Which nodes of a cluster are alive, judged by heartbeat keys with a TTL; shared by all nodes. */
public interface NodeRegistry {
    /**
     * Marks the node alive for {@code ttlMillis} and registers it. True when it was not registered: a
     * survivor declared it dead and forgot it (its sessions were removed from presence), or Redis lost it.
     * Told atomically by the registration itself, so a cleanup between two heartbeats is never missed.
     */
    Future<Boolean> heartbeat(String node, long ttlMillis);

    /** Every registered node, alive or not. */
    Future<List<String>> nodes();

    Future<Boolean> alive(String node);

    /** True for exactly one caller within {@code ttlMillis}: who cleans up after a dead node. */
    Future<Boolean> claimCleanup(String node, long ttlMillis);

    /** Records (for {@code ttlMillis}) which users a dead node held, so every survivor can announce them. */
    Future<Void> recordGone(String node, String usersJson, long ttlMillis);

    /** The record of {@link #recordGone}, or null when there is none (yet). */
    Future<String> gone(String node);

    /** Unregisters a node (after its users were removed). */
    Future<Void> forget(String node);
}
