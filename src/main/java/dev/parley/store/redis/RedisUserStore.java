package dev.parley.store.redis;

import dev.parley.store.UserRecord;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;

import java.util.List;
import java.util.function.UnaryOperator;

/** Accounts in one hash; HSETNX makes registration first-wins across all nodes. */
final class RedisUserStore implements UserStore {
    // KEYS: users hash. ARGV: user, the value read, the new value. Sets only if nobody changed it meanwhile.
    private static final LuaScript COMPARE_AND_SET = new LuaScript("""
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            return 1
            """);
    /** Concurrent updates of one account are rare (an operator and its owner); this many lost races is a fault. */
    private static final int MAX_ATTEMPTS = 20;

    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisUserStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<Boolean> create(UserRecord user) {
        // Same JSON fields as the embedded store, so an export from one loads into the other.
        return redis.send(Command.HSETNX, keys.users(), user.id(), user.toJson().encode()).map(r -> r.toLong() == 1L);
    }

    @Override
    public Future<UserRecord> find(String id) {
        return redis.send(Command.HGET, keys.users(), id)
                .map(r -> r == null ? null : UserRecord.fromJson(new JsonObject(r.toString())));
    }

    @Override
    public Future<UserRecord> update(String id, UnaryOperator<UserRecord> change) {
        return update(id, change, MAX_ATTEMPTS);
    }

    private Future<UserRecord> update(String id, UnaryOperator<UserRecord> change, int attemptsLeft) {
        if (attemptsLeft == 0) return Future.failedFuture(new IllegalStateException("account " + id + " keeps changing"));
        return redis.send(Command.HGET, keys.users(), id).compose(r -> {
            if (r == null) return Future.succeededFuture(null);
            String current = r.toString();
            UserRecord updated = change.apply(UserRecord.fromJson(new JsonObject(current)));
            return redis.eval(COMPARE_AND_SET, List.of(keys.users()), id, current, updated.toJson().encode())
                    .compose(set -> set.toLong() == 1L ? Future.succeededFuture(updated)
                            : update(id, change, attemptsLeft - 1));
        });
    }

    @Override
    public Future<Boolean> delete(String id) {
        return redis.send(Command.HDEL, keys.users(), id).map(r -> r.toLong() == 1L);
    }
}
