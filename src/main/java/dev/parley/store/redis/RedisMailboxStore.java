package dev.parley.store.redis;

import dev.parley.store.MailboxStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * One sorted set per user, scored by mailbox seq. The member is "seq|JSON" so two identical messages stay
 * two members and peek needs no scores. The set expires mailbox-TTL after its last append: by then even its
 * newest message is too old to deliver, so an abandoned mailbox cleans itself up.
 */
final class RedisMailboxStore implements MailboxStore {
    // KEYS: mailbox, seq hash. ARGV: user, max, ttl ms, message JSON. Returns the seq, or 0 when full.
    private static final LuaScript APPEND = new LuaScript("""
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            local seq = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            redis.call('ZADD', KEYS[1], seq, string.format('%d', seq) .. '|' .. ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return seq
            """);
    // KEYS: mailbox. ARGV: seqs. One round trip however many messages were delivered.
    private static final LuaScript REMOVE = new LuaScript("""
            for i = 1, #ARGV do redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[i], ARGV[i]) end
            return 0
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final long ttlMillis;

    RedisMailboxStore(RedisCalls redis, RedisKeys keys, long ttlMillis) {
        this.redis = redis;
        this.keys = keys;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public Future<Boolean> append(String user, StoredMessage message, int maxMessages) {
        return redis.eval(APPEND, List.of(keys.mailbox(user), keys.mailSeq()),
                        user, Integer.toString(maxMessages), Long.toString(ttlMillis), message.withSeq(0).toJson().encode())
                .map(r -> r.toLong() > 0);
    }

    @Override
    public Future<List<StoredMessage>> peek(String user, int max) {
        // ZRANGE 0 -1 would mean "all": nothing asked, nothing read.
        if (max <= 0) return Future.succeededFuture(new ArrayList<>());
        return redis.send(Command.ZRANGE, keys.mailbox(user), "0", Integer.toString(max - 1)).map(r -> {
            List<StoredMessage> out = new ArrayList<>(r.size());
            for (Response member : r) {
                String s = member.toString();
                int bar = s.indexOf('|');
                out.add(StoredMessage.fromJson(new JsonObject(s.substring(bar + 1))).withSeq(Long.parseLong(s.substring(0, bar))));
            }
            return out;
        });
    }

    @Override
    public Future<Void> remove(String user, List<Long> seqs) {
        if (seqs.isEmpty()) return Future.succeededFuture();
        return redis.eval(REMOVE, List.of(keys.mailbox(user)), seqs.stream().map(String::valueOf).toArray(String[]::new))
                .mapEmpty();
    }
}
