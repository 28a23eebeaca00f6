package dev.parley.store.redis;

import dev.parley.store.NodeRegistry;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys: P nodes (set of node ids), P node:{id} (heartbeat, with a TTL), P node:{id}:cleanup (a short lock),
 * P node:{id}:gone (the users a dead node held, for a minute).
 */
final class RedisNodeRegistry implements NodeRegistry {
    private final RedisCalls redis;
    private final String prefix;

    RedisNodeRegistry(RedisCalls redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Future<Boolean> heartbeat(String node, long ttlMillis) {
        return redis.send(Command.SET, prefix + "node:" + node, "1", "PX", Long.toString(ttlMillis))
                .compose(ok -> redis.send(Command.SADD, prefix + "nodes", node))
                .map(added -> added != null && added.toLong() > 0); // SADD answers 1 only if it was missing
    }

    @Override
    public Future<List<String>> nodes() {
        return redis.send(Command.SMEMBERS, prefix + "nodes").map(r -> {
            List<String> out = new ArrayList<>();
            if (r != null) r.forEach(n -> out.add(n.toString()));
            return out;
        });
    }

    @Override
    public Future<Boolean> alive(String node) {
        return redis.send(Command.EXISTS, prefix + "node:" + node).map(r -> r != null && r.toLong() > 0);
    }

    @Override
    public Future<Boolean> claimCleanup(String node, long ttlMillis) {
        return redis.send(Command.SET, prefix + "node:" + node + ":cleanup", "1", "NX", "PX", Long.toString(ttlMillis))
                .map(r -> r != null && "OK".equals(r.toString()));
    }

    @Override
    public Future<Void> recordGone(String node, String usersJson, long ttlMillis) {
        return redis.send(Command.SET, prefix + "node:" + node + ":gone", usersJson, "PX", Long.toString(ttlMillis)).mapEmpty();
    }

    @Override
    public Future<String> gone(String node) {
        return redis.send(Command.GET, prefix + "node:" + node + ":gone").map(r -> r == null ? null : r.toString());
    }

    @Override
    public Future<Void> forget(String node) {
        return redis.send(Command.SREM, prefix + "nodes", node)
                .compose(r -> redis.send(Command.DEL, prefix + "node:" + node))
                .mapEmpty();
    }
}
