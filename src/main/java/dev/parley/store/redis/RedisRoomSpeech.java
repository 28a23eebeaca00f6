package dev.parley.store.redis;

import dev.parley.store.RoomSpeech;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

import java.util.List;

/**
 * A room say as one script: membership, the room's display name and the append of {@link RedisStreamLog}, read
 * and written atomically (a kick, ban or part is another script, so it runs wholly before or after). The
 * default room's messages go to the group log under its old keys.
 */
final class RedisRoomSpeech implements RoomSpeech {
    // KEYS: meta, members, log, counter. ARGV: user, maxlen, ts, message JSON.
    // Returns {outcome} or {'SAID', seq, display}.
    private static final LuaScript SAY = new LuaScript(RedisStreamLog.APPEND_FUNCTION + """
            if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
              if redis.call('EXISTS', KEYS[1]) == 1 then return {'NOT_IN_ROOM'} end
              return {'NO_SUCH_ROOM'}
            end
            local display = redis.call('HGET', KEYS[1], 'display')
            if not display then return {'NO_SUCH_ROOM'} end
            return {'SAID', append(KEYS[3], KEYS[4], ARGV[2], ARGV[3], ARGV[4]), display}
            """);

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final int maxMessages;
    private final String defaultRoom;

    RedisRoomSpeech(RedisCalls redis, RedisKeys keys, int maxMessages, String defaultRoom) {
        this.redis = redis;
        this.keys = keys;
        this.maxMessages = maxMessages;
        this.defaultRoom = defaultRoom;
    }

    @Override
    public Future<Said> say(String room, String user, StoredMessage message) {
        boolean isDefault = defaultRoom.equals(room);
        String log = isDefault ? keys.groupLog() : keys.roomLog(room);
        String counter = isDefault ? keys.groupSeq() : keys.roomSeq(room);
        String[] append = RedisStreamLog.appendArgs(maxMessages, message);
        return redis.eval(SAY, List.of(keys.roomMeta(room), keys.roomMembers(room), log, counter),
                user, append[0], append[1], append[2]).map(r -> said(r, message));
    }

    private static Said said(Response r, StoredMessage message) {
        Outcome outcome = Outcome.valueOf(r.get(0).toString());
        if (outcome != Outcome.SAID) return Said.refused(outcome);
        return Said.said(message.withSeq(r.get(1).toLong()), r.get(2).toString());
    }
}
