package dev.parley.store.redis;

import dev.parley.store.IdempotencyStore;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;

import java.util.List;

/**
 * One string key per client id, expiring by itself. Expiry is sent relative (PX), computed from this node's
 * clock, so a skew between the node and Redis does not shorten or stretch the window.
 */
final class RedisIdempotencyStore implements IdempotencyStore {
    // KEYS: the key. ARGV: value, ttl ms. Returns the existing value, or nil when this call stored it.
    // (SET NX GET does this in one command but needs Redis 7; the script keeps 6.2 supported.)
    private static final LuaScript PUT_IF_ABSENT = new LuaScript("""
            local v = redis.call('GET', KEYS[1])
            if v then return v end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisIdempotencyStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<String> putIfAbsent(String key, String value, long expiresAtMillis) {
        return redis.eval(PUT_IF_ABSENT, List.of(keys.idempotency(key)), value, ttl(expiresAtMillis)).map(RedisCalls::str);
    }

    @Override
    public Future<Void> put(String key, String value, long expiresAtMillis) {
        return redis.send(Command.SET, keys.idempotency(key), value, "PX", ttl(expiresAtMillis)).mapEmpty();
    }

    @Override
    public Future<Void> remove(String key) {
        return redis.send(Command.DEL, keys.idempotency(key)).mapEmpty();
    }

    // Redis refuses PX 0; an expiry already past is stored for 1 ms, i.e. as good as not stored.
    private static String ttl(long expiresAtMillis) {
        return Long.toString(Math.max(1, expiresAtMillis - System.currentTimeMillis()));
    }
}
