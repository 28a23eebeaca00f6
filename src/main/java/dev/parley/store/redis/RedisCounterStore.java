package dev.parley.store.redis;

import dev.parley.store.CounterStore;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * One string counter per key with a PX expiry set by its first count (a fixed window). Check and count run
 * in one script, so parallel attempts on any number of nodes cannot all pass a limit together.
 */
final class RedisCounterStore implements CounterStore {
    // KEYS: counters. ARGV: max, window ms per key. Returns {refusedBy (1-based, 0 = admitted), count...}.
    private static final LuaScript ACQUIRE = new LuaScript("""
            local n = #KEYS
            local refused = 0
            for i = 1, n do
              local max = tonumber(ARGV[2 * i - 1])
              if refused == 0 and max > 0 and tonumber(redis.call('GET', KEYS[i]) or '0') >= max then refused = i end
            end
            local out = {refused}
            for i = 1, n do
              if refused == 0 then
                out[i + 1] = redis.call('INCR', KEYS[i])
                if out[i + 1] == 1 or redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
              else
                out[i + 1] = tonumber(redis.call('GET', KEYS[i]) or '0')
              end
            end
            return out
            """);
    // KEYS: counters. DECR keeps the key's expiry; a key already expired is left alone.
    private static final LuaScript RELEASE = new LuaScript("""
            for i = 1, #KEYS do
              if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
            end
            return 0
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisCounterStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<Admission> acquire(List<Limit> limits) {
        List<String> ks = new ArrayList<>(limits.size());
        String[] args = new String[limits.size() * 2];
        for (int i = 0; i < limits.size(); i++) {
            Limit l = limits.get(i);
            ks.add(keys.counter(l.key()));
            args[2 * i] = Long.toString(l.max());
            args[2 * i + 1] = Long.toString(Math.max(1, l.windowMillis()));
        }
        return redis.eval(ACQUIRE, ks, args).map(RedisCounterStore::admission);
    }

    @Override
    public Future<Void> release(List<String> counterKeys) {
        if (counterKeys.isEmpty()) return Future.succeededFuture();
        return redis.eval(RELEASE, counterKeys.stream().map(keys::counter).toList()).mapEmpty();
    }

    private static Admission admission(Response r) {
        long[] counts = new long[r.size() - 1];
        for (int i = 0; i < counts.length; i++) counts[i] = r.get(i + 1).toLong();
        return new Admission(r.get(0).toInteger() - 1, counts);
    }
}
