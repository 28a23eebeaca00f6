package dev.parley.store.redis;

import dev.parley.store.HistorySlice;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

/**
 * Each room's log: a {@link RedisStreamLog} per room (a stream and a counter), so a room's first seq is its first
 * message's ts * 1000 + 1 and a room created again after deletion never reuses a seq. The default room is not
 * stored here (see StoreSet).
 */
final class RedisRoomHistoryStore implements RoomHistoryStore {
    private final RedisStreamLog log;
    private final RedisKeys keys;

    RedisRoomHistoryStore(RedisCalls redis, RedisKeys keys, int maxMessages) {
        this.log = new RedisStreamLog(redis, maxMessages);
        this.keys = keys;
    }

    @Override
    public Future<StoredMessage> append(String room, StoredMessage message) {
        return log.append(keys.roomLog(room), keys.roomSeq(room), message);
    }

    @Override
    public Future<Long> head(String room) {
        return log.head(keys.roomSeq(room));
    }

    @Override
    public Future<HistorySlice> since(String room, long afterSeq, int max, long notBeforeTs) {
        return log.since(keys.roomLog(room), keys.roomSeq(room), afterSeq, max, notBeforeTs);
    }

    @Override
    public Future<HistorySlice> before(String room, long beforeSeq, int limit) {
        return log.before(keys.roomLog(room), keys.roomSeq(room), beforeSeq, limit);
    }

    @Override
    public Future<Void> drop(String room) {
        return log.drop(keys.roomLog(room), keys.roomSeq(room));
    }
}
