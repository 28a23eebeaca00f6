package dev.parley.store.redis;

import dev.parley.store.MailboxQuota;
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
    // Shared by both scripts: counters of a mailbox written before the quota existed are rebuilt from its members.
    private static final String REBUILD = """
            local function rebuild()
              if redis.call('EXISTS', KEYS[3]) == 1 then return end
              for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
                local json = string.sub(m, string.find(m, '|', 1, true) + 1)
                redis.call('HINCRBY', KEYS[3], 'bytes', #json)
                redis.call('HINCRBY', KEYS[3], 's:' .. tostring(cjson.decode(json).from), 1)
              end
            end
            """;
    // KEYS: mailbox, seq hash, meta hash. ARGV: user, max messages, ttl ms, message JSON, max bytes, max per sender,
    // sender. Returns the seq, or 0 when full, -1 when over the byte quota, -2 when over the per-sender cap.
    // One script, so the checks and the append are atomic however many nodes send at once.
    private static final LuaScript APPEND = new LuaScript(REBUILD + """
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            rebuild()
            local size = #ARGV[4]
            if tonumber(redis.call('HGET', KEYS[3], 'bytes') or '0') + size > tonumber(ARGV[5]) then return -1 end
            local sender = 's:' .. ARGV[7]
            if tonumber(redis.call('HGET', KEYS[3], sender) or '0') >= tonumber(ARGV[6]) then return -2 end
            local seq = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            redis.call('ZADD', KEYS[1], seq, string.format('%d', seq) .. '|' .. ARGV[4])
            redis.call('HINCRBY', KEYS[3], 'bytes', size)
            redis.call('HINCRBY', KEYS[3], sender, 1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[3])
            return seq
            """);
    // KEYS: mailbox, (unused), meta hash. ARGV: seqs. One round trip however many messages were delivered.
    private static final LuaScript REMOVE = new LuaScript(REBUILD + """
            rebuild()
            local function decr(field, n)
              if redis.call('HINCRBY', KEYS[3], field, -n) <= 0 then redis.call('HDEL', KEYS[3], field) end
            end
            for i = 1, #ARGV do
              for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[i], ARGV[i])) do
                local json = string.sub(m, string.find(m, '|', 1, true) + 1)
                decr('bytes', #json)
                decr('s:' .. tostring(cjson.decode(json).from), 1)
              end
              redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[i], ARGV[i])
            end
            if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[3]) end
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
    public Future<Append> append(String user, StoredMessage message, MailboxQuota quota) {
        return redis.eval(APPEND, List.of(keys.mailbox(user), keys.mailSeq(), keys.mailMeta(user)),
                        user, Integer.toString(quota.maxMessages()), Long.toString(ttlMillis),
                        message.withSeq(0).toJson().encode(), Long.toString(quota.maxBytes()),
                        Integer.toString(quota.maxPerSender()), message.from())
                .map(r -> {
                    long seq = r.toLong();
                    return seq > 0 ? Append.STORED : seq == 0 ? Append.FULL : seq == -1 ? Append.FULL_BYTES : Append.SENDER_CAP;
                });
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
        return redis.eval(REMOVE, List.of(keys.mailbox(user), keys.mailSeq(), keys.mailMeta(user)), seqs.stream().map(String::valueOf).toArray(String[]::new))
                .mapEmpty();
    }
}
