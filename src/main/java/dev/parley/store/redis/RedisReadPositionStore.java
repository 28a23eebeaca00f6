package dev.parley.store.redis;

import dev.parley.store.ReadPositionStore;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One hash per user (room -> seq); the compare-and-set runs in Redis so two nodes acking at once cannot move one back. */
final class RedisReadPositionStore implements ReadPositionStore {
    // KEYS: the user's hash. ARGV: room1, seq1, room2, seq2, ...
    private static final LuaScript ADVANCE = new LuaScript("""
            for i = 1, #ARGV, 2 do
              local cur = redis.call('HGET', KEYS[1], ARGV[i])
              if not cur or tonumber(cur) < tonumber(ARGV[i + 1]) then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            end
            return 0
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisReadPositionStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<Long> get(String user, String room) {
        return redis.send(Command.HGET, keys.readPositions(user), room).map(r -> r == null ? null : r.toLong());
    }

    @Override
    public Future<Map<String, Long>> all(String user) {
        return redis.send(Command.HGETALL, keys.readPositions(user)).map(r -> {
            Map<String, Long> out = new TreeMap<>();
            if (r == null) return out;
            for (String room : r.getKeys()) out.put(room, r.get(room).toLong());
            return out;
        });
    }

    @Override
    public Future<Void> advance(String user, Map<String, Long> positions) {
        if (positions.isEmpty()) return Future.succeededFuture();
        List<String> args = new ArrayList<>();
        positions.forEach((room, seq) -> {
            args.add(room);
            args.add(Long.toString(seq));
        });
        return redis.eval(ADVANCE, List.of(keys.readPositions(user)), args.toArray(String[]::new)).mapEmpty();
    }

    @Override
    public Future<Void> forget(String user, String room) {
        return redis.send(Command.HDEL, keys.readPositions(user), room).mapEmpty();
    }

    @Override
    public Future<Void> forgetAll(String user) {
        return redis.send(Command.DEL, keys.readPositions(user)).mapEmpty();
    }
}
