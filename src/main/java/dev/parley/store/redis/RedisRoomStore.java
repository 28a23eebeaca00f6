package dev.parley.store.redis;

import dev.parley.store.Room;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rooms in Redis: per room a metadata hash, sets of operators, bans and invitations, and a members sorted set;
 * per user a sorted set of rooms; and an index of all rooms (see {@link RedisKeys}). Sorted sets have all scores
 * 0, so they are ordered by name and paged with ZRANGEBYLEX. Every step that must be atomic (create with its cap,
 * join with its cap and existence check, part deleting the emptied room, ban removing the member, removing a
 * user) is one script. The default room is never deleted by a part.
 */
final class RedisRoomStore implements RoomStore {
    // Shared by GET and LIST: one room as {name, flat metadata hash, operators, bans, invitations}, or false.
    private static final String ROOM = """
            local function room(name, meta, ops, bans, invites)
              local h = redis.call('HGETALL', meta)
              if #h == 0 then return false end
              return {name, h, redis.call('SMEMBERS', ops), redis.call('SMEMBERS', bans), redis.call('SMEMBERS', invites)}
            end
            """;
    // KEYS: index, meta, ops, bans, invites. ARGV: name, max rooms, n, n metadata args (field, value...), then
    // set entries "o:user", "b:user", "i:user". 1 when created; 0 when it exists or the cap is reached.
    private static final LuaScript CREATE = new LuaScript("""
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('ZADD', KEYS[1], 0, ARGV[1])
            local n = tonumber(ARGV[3])
            redis.call('HSET', KEYS[2], unpack(ARGV, 4, 3 + n))
            local sets = {o = KEYS[3], b = KEYS[4], i = KEYS[5]}
            for i = 4 + n, #ARGV do
              redis.call('SADD', sets[string.sub(ARGV[i], 1, 1)], string.sub(ARGV[i], 3))
            end
            return 1
            """);
    // KEYS: meta, ops, bans, invites. ARGV: name.
    private static final LuaScript GET = new LuaScript(ROOM + """
            return room(ARGV[1], KEYS[1], KEYS[2], KEYS[3], KEYS[4])
            """);
    // KEYS: index. ARGV: meta, ops, bans and invites key prefixes, lex lower bound, limit.
    private static final LuaScript LIST = new LuaScript(ROOM + """
            local out = {}
            for _, name in ipairs(redis.call('ZRANGEBYLEX', KEYS[1], ARGV[5], '+', 'LIMIT', 0, ARGV[6])) do
              local r = room(name, ARGV[1] .. name, ARGV[2] .. name, ARGV[3] .. name, ARGV[4] .. name)
              if r then out[#out + 1] = r end
            end
            return out
            """);
    // KEYS: meta, members, user's rooms, invites. ARGV: room, user, max rooms per user, default room. Returns a
    // JoinOutcome name. The default room is not counted by the cap. Joining uses up an invitation in the same step.
    private static final LuaScript JOIN = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'NO_SUCH_ROOM' end
            if redis.call('ZSCORE', KEYS[2], ARGV[2]) then return 'ALREADY_MEMBER' end
            if ARGV[1] ~= ARGV[4] then
              local n = redis.call('ZCARD', KEYS[3])
              if redis.call('ZSCORE', KEYS[3], ARGV[4]) then n = n - 1 end
              if n >= tonumber(ARGV[3]) then return 'TOO_MANY_ROOMS' end
            end
            redis.call('ZADD', KEYS[2], 0, ARGV[2])
            redis.call('ZADD', KEYS[3], 0, ARGV[1])
            redis.call('SREM', KEYS[4], ARGV[2])
            return 'JOINED'
            """);
    // KEYS: meta, members, user's rooms, ops, bans, invites, index. ARGV: room, user, delete if empty ('1').
    // Only the member's own part deletes the room, so a non-member's part cannot delete a room just created.
    private static final LuaScript PART = new LuaScript("""
            redis.call('ZREM', KEYS[3], ARGV[1])
            if redis.call('ZREM', KEYS[2], ARGV[2]) == 0 then return 0 end
            if ARGV[3] == '1' and redis.call('ZCARD', KEYS[2]) == 0 then
              redis.call('DEL', KEYS[1], KEYS[4], KEYS[5], KEYS[6])
              redis.call('ZREM', KEYS[7], ARGV[1])
            end
            return 1
            """);
    // KEYS: meta, bans, members, user's rooms, invites. ARGV: room, user, ban ('1') or unban.
    // A ban removes the member and withdraws an invitation; returns how many of those things changed.
    private static final LuaScript SET_BANNED = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if ARGV[3] ~= '1' then return redis.call('SREM', KEYS[2], ARGV[2]) end
            local changed = redis.call('SADD', KEYS[2], ARGV[2]) + redis.call('SREM', KEYS[5], ARGV[2])
            changed = changed + redis.call('ZREM', KEYS[3], ARGV[2])
            redis.call('ZREM', KEYS[4], ARGV[1])
            return changed
            """);
    // KEYS: meta, a set of the room. ARGV: user, add ('1') or remove. Never touches a deleted room's keys.
    private static final LuaScript SET_FLAG = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if ARGV[2] == '1' then return redis.call('SADD', KEYS[2], ARGV[1]) end
            return redis.call('SREM', KEYS[2], ARGV[1])
            """);
    // KEYS: meta. ARGV: field, value, ... Only an existing room: a late topic must not bring back a deleted room.
    private static final LuaScript SET_FIELDS = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """);
    // KEYS: user's rooms, index. ARGV: user, delete if empty ('1'), default room, then the meta, ops, bans,
    // invites and members key prefixes. The rooms are found while running, so their keys are built here.
    private static final LuaScript REMOVE_USER = new LuaScript("""
            local rooms = redis.call('ZRANGE', KEYS[1], 0, -1)
            for _, room in ipairs(rooms) do
              local members = ARGV[8] .. room
              redis.call('ZREM', members, ARGV[1])
              if ARGV[2] == '1' and room ~= ARGV[3] and redis.call('ZCARD', members) == 0 then
                redis.call('DEL', ARGV[4] .. room, ARGV[5] .. room, ARGV[6] .. room, ARGV[7] .. room)
                redis.call('ZREM', KEYS[2], room)
              end
            end
            redis.call('DEL', KEYS[1])
            return rooms
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final String defaultRoom;

    RedisRoomStore(RedisCalls redis, RedisKeys keys, String defaultRoom) {
        this.redis = redis;
        this.keys = keys;
        this.defaultRoom = defaultRoom;
    }

    @Override
    public Future<Boolean> create(Room room, long maxRooms) {
        List<String> meta = meta(room);
        List<String> args = new ArrayList<>(List.of(room.name(), Long.toString(maxRooms), Integer.toString(meta.size())));
        args.addAll(meta);
        room.operators().forEach(u -> args.add("o:" + u));
        room.banned().forEach(u -> args.add("b:" + u));
        room.invited().forEach(u -> args.add("i:" + u));
        String n = room.name();
        return redis.eval(CREATE, List.of(keys.rooms(), keys.roomMeta(n), keys.roomOps(n), keys.roomBans(n), keys.roomInvites(n)),
                args.toArray(String[]::new)).map(r -> r.toLong() == 1);
    }

    @Override
    public Future<Room> get(String room) {
        return redis.eval(GET, List.of(keys.roomMeta(room), keys.roomOps(room), keys.roomBans(room), keys.roomInvites(room)), room)
                .map(r -> r == null || r.size() == 0 ? null : room(r));
    }

    @Override
    public Future<JoinOutcome> join(String room, String user, int maxRoomsPerUser) {
        return redis.eval(JOIN, List.of(keys.roomMeta(room), keys.roomMembers(room), keys.userRooms(user), keys.roomInvites(room)),
                room, user, Integer.toString(maxRoomsPerUser), defaultRoom).map(r -> JoinOutcome.valueOf(r.toString()));
    }

    @Override
    public Future<Boolean> part(String room, String user, boolean deleteIfEmpty) {
        boolean delete = deleteIfEmpty && !room.equals(defaultRoom);
        return redis.eval(PART, List.of(keys.roomMeta(room), keys.roomMembers(room), keys.userRooms(user), keys.roomOps(room),
                        keys.roomBans(room), keys.roomInvites(room), keys.rooms()), room, user, delete ? "1" : "0")
                .map(r -> r.toLong() == 1);
    }

    @Override
    public Future<Boolean> isMember(String room, String user) {
        return redis.send(Command.ZSCORE, keys.roomMembers(room), user).map(r -> r != null);
    }

    @Override
    public Future<List<String>> roomsOf(String user) {
        return redis.send(Command.ZRANGE, keys.userRooms(user), "0", "-1").map(RedisRoomStore::strings);
    }

    @Override
    public Future<List<String>> members(String room, String after, int limit) {
        if (limit <= 0) return Future.succeededFuture(new ArrayList<>());
        return redis.send(Command.ZRANGEBYLEX, keys.roomMembers(room), lowerBound(after), "+", "LIMIT", "0", Integer.toString(limit))
                .map(RedisRoomStore::strings);
    }

    @Override
    public Future<Long> memberCount(String room) {
        return redis.send(Command.ZCARD, keys.roomMembers(room)).map(Response::toLong);
    }

    @Override
    public Future<List<Room>> list(String after, int limit) {
        if (limit <= 0) return Future.succeededFuture(new ArrayList<>());
        return redis.eval(LIST, List.of(keys.rooms()), keys.roomMetaPrefix(), keys.roomOpsPrefix(), keys.roomBansPrefix(),
                keys.roomInvitesPrefix(), lowerBound(after), Integer.toString(limit)).map(r -> {
            List<Room> out = new ArrayList<>(r.size());
            for (Response room : r) out.add(room(room));
            return out;
        });
    }

    @Override
    public Future<Long> roomCount() {
        return redis.send(Command.ZCARD, keys.rooms()).map(Response::toLong);
    }

    @Override
    public Future<Void> setTopic(String room, String topic, String by, long ts) {
        return redis.eval(SET_FIELDS, List.of(keys.roomMeta(room)), "topic", topic, "topicBy", by == null ? "" : by,
                "topicTs", Long.toString(ts)).mapEmpty();
    }

    @Override
    public Future<Void> setInviteOnly(String room, boolean inviteOnly) {
        return redis.eval(SET_FIELDS, List.of(keys.roomMeta(room)), "inviteOnly", inviteOnly ? "1" : "0").mapEmpty();
    }

    @Override
    public Future<Boolean> setOperator(String room, String user, boolean operator) {
        return redis.eval(SET_FLAG, List.of(keys.roomMeta(room), keys.roomOps(room)), user, operator ? "1" : "0")
                .map(r -> r.toLong() > 0);
    }

    @Override
    public Future<Boolean> setBanned(String room, String user, boolean banned) {
        return redis.eval(SET_BANNED, List.of(keys.roomMeta(room), keys.roomBans(room), keys.roomMembers(room),
                keys.userRooms(user), keys.roomInvites(room)), room, user, banned ? "1" : "0").map(r -> r.toLong() > 0);
    }

    @Override
    public Future<Void> invite(String room, String user) {
        return redis.eval(SET_FLAG, List.of(keys.roomMeta(room), keys.roomInvites(room)), user, "1").mapEmpty();
    }

    @Override
    public Future<Boolean> useInvitation(String room, String user) {
        return redis.send(Command.SREM, keys.roomInvites(room), user).map(r -> r.toLong() > 0);
    }

    @Override
    public Future<List<String>> removeUser(String user, boolean deleteIfEmpty) {
        return redis.eval(REMOVE_USER, List.of(keys.userRooms(user), keys.rooms()), user, deleteIfEmpty ? "1" : "0", defaultRoom,
                keys.roomMetaPrefix(), keys.roomOpsPrefix(), keys.roomBansPrefix(), keys.roomInvitesPrefix(),
                keys.roomMembersPrefix()).map(RedisRoomStore::strings);
    }

    /** The metadata hash's fields; absent owner and topic author are left out (read back as null). */
    private static List<String> meta(Room r) {
        List<String> m = new ArrayList<>(List.of("display", r.display(), "topic", r.topic(), "topicTs", Long.toString(r.topicTs()),
                "inviteOnly", r.inviteOnly() ? "1" : "0", "createdAt", Long.toString(r.createdAt())));
        if (r.owner() != null) m.addAll(List.of("owner", r.owner()));
        if (r.topicBy() != null) m.addAll(List.of("topicBy", r.topicBy()));
        return m;
    }

    /** A room from {name, flat metadata hash, operators, bans, invitations}. */
    private static Room room(Response r) {
        Map<String, String> h = new HashMap<>();
        Response flat = r.get(1);
        for (int i = 0; i + 1 < flat.size(); i += 2) h.put(flat.get(i).toString(), flat.get(i + 1).toString());
        return new Room(r.get(0).toString(), h.get("display"), h.getOrDefault("topic", ""), emptyAsNull(h.get("topicBy")),
                Long.parseLong(h.getOrDefault("topicTs", "0")), emptyAsNull(h.get("owner")), set(r.get(2)), set(r.get(3)),
                set(r.get(4)), "1".equals(h.get("inviteOnly")), Long.parseLong(h.getOrDefault("createdAt", "0")));
    }

    private static Set<String> set(Response r) {
        Set<String> out = new TreeSet<>(strings(r));
        return Collections.unmodifiableSet(out);
    }

    private static List<String> strings(Response r) {
        List<String> out = new ArrayList<>(r == null ? 0 : r.size());
        if (r != null) for (Response s : r) out.add(s.toString());
        return out;
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String lowerBound(String after) {
        return after == null ? "-" : "(" + after;
    }
}
