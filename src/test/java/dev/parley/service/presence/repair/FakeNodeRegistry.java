package dev.parley.service.presence.repair;

import dev.parley.store.NodeRegistry;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared registry in memory: liveness is whatever the test says; ttls are ignored. */
final class FakeNodeRegistry implements NodeRegistry {
    final Set<String> registered = new LinkedHashSet<>();
    final Set<String> alive = new HashSet<>();
    final Set<String> claimed = new HashSet<>();
    final Map<String, String> gone = new HashMap<>();
    final List<String> beats = new ArrayList<>();
    /** While true, every call fails as if Redis were unreachable. */
    boolean down;
    /** Runs right after a read of the node list: another node acting between two calls. */
    Runnable afterNodesRead = () -> { };

    @Override
    public Future<Boolean> heartbeat(String node, long ttlMillis) {
        if (down) return unreachable();
        beats.add(node);
        boolean missing = registered.add(node);
        alive.add(node);
        return Future.succeededFuture(missing);
    }

    @Override
    public Future<List<String>> nodes() {
        if (down) return unreachable();
        List<String> read = List.copyOf(registered);
        afterNodesRead.run();
        return Future.succeededFuture(read);
    }

    @Override
    public Future<Boolean> alive(String node) {
        return down ? unreachable() : Future.succeededFuture(alive.contains(node));
    }

    @Override
    public Future<Boolean> claimCleanup(String node, long ttlMillis) {
        return down ? unreachable() : Future.succeededFuture(claimed.add(node));
    }

    @Override
    public Future<Void> recordGone(String node, String usersJson, long ttlMillis) {
        gone.put(node, usersJson);
        return Future.succeededFuture();
    }

    @Override
    public Future<String> gone(String node) {
        return Future.succeededFuture(gone.get(node));
    }

    @Override
    public Future<Void> forget(String node) {
        registered.remove(node);
        return Future.succeededFuture();
    }

    private static <T> Future<T> unreachable() {
        return Future.failedFuture(new IllegalStateException("Redis unreachable"));
    }
}
