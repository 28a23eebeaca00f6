package dev.parley.store.redis;

import dev.parley.store.UserRecord;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;

/** Accounts in one hash; HSETNX makes registration first-wins across all nodes. */
final class RedisUserStore implements UserStore {
    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisUserStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<Boolean> create(UserRecord user) {
        // Same JSON fields as the embedded store, so an export from one loads into the other.
        String json = new JsonObject().put("id", user.id()).put("name", user.name())
                .put("hash", user.passwordHash()).put("created", user.createdAt()).encode();
        return redis.send(Command.HSETNX, keys.users(), user.id(), json).map(r -> r.toLong() == 1L);
    }

    @Override
    public Future<UserRecord> find(String id) {
        return redis.send(Command.HGET, keys.users(), id).map(r -> {
            if (r == null) return null;
            JsonObject j = new JsonObject(r.toString());
            return new UserRecord(j.getString("id"), j.getString("name"), j.getString("hash"), j.getLong("created"));
        });
    }
}
