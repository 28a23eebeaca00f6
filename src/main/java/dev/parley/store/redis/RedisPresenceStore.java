package dev.parley.store.redis;

import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cluster-wide presence: a hash user -> entry, plus per node the set of users whose entry names it, so the
 * survivors of a dead node can remove exactly its users. Every change that touches both runs as one script.
 * The scripts build node-set keys from the entry they read, which a single Redis (or a primary with replicas)
 * allows and Redis Cluster does not.
 */
final class RedisPresenceStore implements PresenceStore {
    // KEYS: presence hash, new node's set. ARGV: user, entry JSON, node-set key prefix, session, replaced-key prefix,
    // replaced TTL (ms). Returns the old entry or nil. A takeover records the old session as replaced in the same
    // script: its kick may be lost in a split, and re-registration must then still refuse to put it back.
    private static final LuaScript JOIN = new LuaScript("""
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            if old then
              local e = cjson.decode(old)
              if type(e.node) == 'string' and ARGV[3] .. e.node ~= KEYS[2] then redis.call('SREM', ARGV[3] .. e.node, ARGV[1]) end
              if type(e.session) == 'string' and e.session ~= ARGV[4] then
                redis.call('SET', ARGV[5] .. e.session, ARGV[1], 'PX', ARGV[6])
              end
            end
            redis.call('SADD', KEYS[2], ARGV[1])
            return old
            """);
    // KEYS: presence hash, the node's set, the session's replaced key. ARGV: user, entry JSON, node-set key prefix,
    // session. Returns 'replaced' (nothing written), 'refreshed' or 'added'.
    private static final LuaScript REJOIN = new LuaScript("""
            if redis.call('EXISTS', KEYS[3]) == 1 then return 'replaced' end
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if cur then
              local e = cjson.decode(cur)
              if e.session ~= ARGV[4] then return 'replaced' end
              if type(e.node) == 'string' and ARGV[3] .. e.node ~= KEYS[2] then redis.call('SREM', ARGV[3] .. e.node, ARGV[1]) end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[1])
            if cur then return 'refreshed' end
            return 'added'
            """);
    // KEYS: presence hash. ARGV: user, session, node-set key prefix. Returns the removed entry or nil.
    private static final LuaScript LEAVE = new LuaScript("""
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if not cur then return false end
            local e = cjson.decode(cur)
            if e.session ~= ARGV[2] then return false end
            redis.call('HDEL', KEYS[1], ARGV[1])
            if type(e.node) == 'string' then redis.call('SREM', ARGV[3] .. e.node, ARGV[1]) end
            return cur
            """);
    // KEYS: presence hash. ARGV: user, session, away text ('' = back). Returns the entry it replaced, or nil when the
    // session is not current. Decoded and re-encoded in Redis so that a concurrent leave or takeover cannot be undone.
    private static final LuaScript SET_AWAY = new LuaScript("""
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if not cur then return false end
            local e = cjson.decode(cur)
            if e.session ~= ARGV[2] then return false end
            if ARGV[3] == '' then e.away = nil else e.away = ARGV[3] end
            redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(e))
            return cur
            """);
    // KEYS: presence hash, the node's set. ARGV: node. Removes the users whose entry still names the node.
    private static final LuaScript REMOVE_NODE = new LuaScript("""
            local removed = {}
            for _, user in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              local cur = redis.call('HGET', KEYS[1], user)
              if cur and cjson.decode(cur).node == ARGV[1] then
                redis.call('HDEL', KEYS[1], user)
                removed[#removed + 1] = cur
              end
            end
            redis.call('DEL', KEYS[2])
            return removed
            """);
    // KEYS: presence hash, the node's set. ARGV: node. Read only: the entries that still name the node.
    private static final LuaScript ENTRIES_OF = new LuaScript("""
            local found = {}
            for _, user in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              local cur = redis.call('HGET', KEYS[1], user)
              if cur and cjson.decode(cur).node == ARGV[1] then found[#found + 1] = cur end
            end
            return found
            """);
    // HSCAN hint per round trip: large enough to be few calls, small enough not to stall Redis.
    private static final int SCAN_COUNT = 500;

    private final RedisCalls redis;
    private final RedisKeys keys;

    RedisPresenceStore(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Future<PresenceEntry> join(PresenceEntry entry) {
        return redis.eval(JOIN, List.of(keys.presence(), keys.nodeUsers(entry.node())),
                entry.user(), entry.toJson().encode(), keys.nodeUsersPrefix(), entry.session(), keys.replacedPrefix(),
                Long.toString(REPLACED_TTL.toMillis())).map(RedisPresenceStore::entry);
    }

    @Override
    public Future<Rejoin> rejoin(PresenceEntry entry) {
        return redis.eval(REJOIN, List.of(keys.presence(), keys.nodeUsers(entry.node()), keys.replaced(entry.session())),
                entry.user(), entry.toJson().encode(), keys.nodeUsersPrefix(), entry.session())
                .map(r -> Rejoin.valueOf(r.toString().toUpperCase(Locale.ROOT)));
    }

    @Override
    public Future<PresenceEntry> leave(String user, String session) {
        return redis.eval(LEAVE, List.of(keys.presence()), user, session, keys.nodeUsersPrefix())
                .map(RedisPresenceStore::entry);
    }

    /** The LEAVE script and HLEN pipelined: the count is read right after the removal, in one round trip. */
    @Override
    public Future<Left> leaveCounting(String user, String session) {
        return redis.evalThen(LEAVE, List.of(keys.presence()), List.of(user, session, keys.nodeUsersPrefix()),
                        RedisCalls.cmd(Command.HLEN, keys.presence()))
                .map(r -> new Left(entry(r.get(0)), r.get(1).toLong()));
    }

    @Override
    public Future<PresenceEntry> setAway(String user, String session, String away) {
        return redis.eval(SET_AWAY, List.of(keys.presence()), user, session, away == null ? "" : away)
                .map(RedisPresenceStore::entry);
    }

    @Override
    public Future<PresenceEntry> get(String user) {
        return redis.send(Command.HGET, keys.presence(), user).map(RedisPresenceStore::entry);
    }

    @Override
    public Future<Long> count() {
        return redis.send(Command.HLEN, keys.presence()).map(Response::toLong);
    }

    @Override
    public Future<List<PresenceEntry>> list(int max) {
        if (max <= 0) return Future.succeededFuture(new ArrayList<>());
        return scan("0", max, new LinkedHashMap<>());
    }

    /** HLEN and the first HSCAN page in one round trip (a login's listing); more pages only when the first fell short. */
    @Override
    public Future<Online> online(int max) {
        if (max <= 0) return count().map(n -> new Online(n, new ArrayList<>()));
        Map<String, PresenceEntry> found = new LinkedHashMap<>();
        return redis.batch(List.of(RedisCalls.cmd(Command.HLEN, keys.presence()), scanPage("0", max, found)))
                .compose(r -> {
                    long count = r.get(0).toLong();
                    String next = scanned(r.get(1), max, found);
                    Future<List<PresenceEntry>> rest = found.size() >= max || next.equals("0")
                            ? Future.succeededFuture(new ArrayList<>(found.values()))
                            : scan(next, max, found);
                    return rest.map(entries -> new Online(count, entries));
                });
    }

    // HSCAN may repeat an entry while the hash resizes; keying by user drops the repeats.
    private Future<List<PresenceEntry>> scan(String cursor, int max, Map<String, PresenceEntry> found) {
        // Asks for no more than is still missing: a login lists 201 of maybe 100,000 (500 per login cost a storm
        // the transfer and parsing of 300 entries it dropped).
        return redis.batch(List.of(scanPage(cursor, max, found))).compose(r -> {
            String next = scanned(r.get(0), max, found);
            if (found.size() >= max || next.equals("0")) return Future.succeededFuture(new ArrayList<>(found.values()));
            return scan(next, max, found);
        });
    }

    private Request scanPage(String cursor, int max, Map<String, PresenceEntry> found) {
        int wanted = Math.min(SCAN_COUNT, max - found.size());
        return RedisCalls.cmd(Command.HSCAN, keys.presence(), cursor, "COUNT", Integer.toString(wanted));
    }

    /** Adds one HSCAN page's entries to {@code found}; returns the next cursor ("0": done). */
    private static String scanned(Response page, int max, Map<String, PresenceEntry> found) {
        Response fields = page.get(1);
        for (int i = 0; i + 1 < fields.size() && found.size() < max; i += 2) {
            found.putIfAbsent(fields.get(i).toString(), entry(fields.get(i + 1)));
        }
        return page.get(0).toString();
    }

    @Override
    public Future<List<PresenceEntry>> entriesOf(String node) {
        return redis.eval(ENTRIES_OF, List.of(keys.presence(), keys.nodeUsers(node)), node).map(r -> {
            List<PresenceEntry> out = new ArrayList<>(r == null ? 0 : r.size());
            if (r != null) r.forEach(e -> out.add(entry(e)));
            return out;
        });
    }

    @Override
    public Future<List<PresenceEntry>> removeNode(String node) {
        return redis.eval(REMOVE_NODE, List.of(keys.presence(), keys.nodeUsers(node)), node).map(r -> {
            List<PresenceEntry> out = new ArrayList<>(r == null ? 0 : r.size());
            if (r != null) r.forEach(e -> out.add(entry(e)));
            return out;
        });
    }

    private static PresenceEntry entry(Response r) {
        return r == null ? null : PresenceEntry.fromJson(new JsonObject(r.toString()));
    }
}
