package dev.parley.store.redis;

import dev.parley.store.NodeRegistry;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/** Keys: {prefix}nodes (set of node ids), {prefix}node:{id} (heartbeat, TTL), {prefix}node:{id}:cleanup (lock). */
public final class RedisNodeRegistry implements NodeRegistry {
    private final RedisAPI redis;
    private final String prefix;

    public RedisNodeRegistry(RedisAPI redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Future<Void> heartbeat(String node, long ttlMillis) {
        return redis.set(List.of(prefix + "node:" + node, "1", "PX", Long.toString(ttlMillis)))
                .compose(ok -> redis.sadd(List.of(prefix + "nodes", node)))
                .mapEmpty();
    }

    @Override
    public Future<List<String>> nodes() {
        return redis.smembers(prefix + "nodes").map(r -> {
            List<String> out = new ArrayList<>();
            if (r != null) r.forEach(n -> out.add(n.toString()));
            return out;
        });
    }

    @Override
    public Future<Boolean> alive(String node) {
        return redis.exists(List.of(prefix + "node:" + node)).map(r -> r != null && r.toLong() > 0);
    }

    @Override
    public Future<Boolean> claimCleanup(String node, long ttlMillis) {
        return redis.set(List.of(prefix + "node:" + node + ":cleanup", "1", "NX", "PX", Long.toString(ttlMillis)))
                .map(r -> r != null && "OK".equals(r.toString()));
    }

    @Override
    public Future<Void> forget(String node) {
        return redis.srem(List.of(prefix + "nodes", node))
                .compose(r -> redis.del(List.of(prefix + "node:" + node)))
                .mapEmpty();
    }

    static String text(Response r) {
        return r == null ? null : r.toString();
    }
}
