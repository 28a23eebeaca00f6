package dev.parley.store.redis;

import dev.parley.store.GroupHistoryStore;
import dev.parley.store.HistorySlice;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

/** The group log: a {@link RedisStreamLog} under the keys it has always had (also the default room's log). */
final class RedisGroupHistoryStore implements GroupHistoryStore {
    private final RedisStreamLog log;
    private final RedisKeys keys;

    RedisGroupHistoryStore(RedisCalls redis, RedisKeys keys, int maxMessages) {
        this.log = new RedisStreamLog(redis, maxMessages);
        this.keys = keys;
    }

    @Override
    public Future<StoredMessage> append(StoredMessage message) {
        return log.append(keys.groupLog(), keys.groupSeq(), message);
    }

    @Override
    public Future<Long> head() {
        return log.head(keys.groupSeq());
    }

    @Override
    public Future<HistorySlice> since(long afterSeq, int max, long notBeforeTs) {
        return log.since(keys.groupLog(), keys.groupSeq(), afterSeq, max, notBeforeTs);
    }

    @Override
    public Future<HistorySlice> before(long beforeSeq, int limit) {
        return log.before(keys.groupLog(), keys.groupSeq(), beforeSeq, limit);
    }
}
