package dev.parley.store.redis;

import dev.parley.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;

import java.util.List;

/** One hash of positions; the compare-and-set runs in Redis so two nodes acking at once cannot move it back. */
final class RedisLastSeenStore implements LastSeenStore {
    // KEYS: positions hash. ARGV: user, seq.
    private static final LuaScript ADVANCE = new LuaScript("""
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if not cur or tonumber(cur) < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
            return 0
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisLastSeenStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<Long> get(String user) {
        return redis.send(Command.HGET, keys.lastSeen(), user).map(r -> r == null ? null : Long.parseLong(r.toString()));
    }

    @Override
    public Future<Void> advance(String user, long seq) {
        return redis.eval(ADVANCE, List.of(keys.lastSeen()), user, Long.toString(seq)).mapEmpty();
    }

    @Override
    public Future<Void> forget(String user) {
        return redis.send(Command.HDEL, keys.lastSeen(), user).mapEmpty();
    }
}
