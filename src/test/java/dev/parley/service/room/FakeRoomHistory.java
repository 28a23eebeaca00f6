package dev.parley.service.room;

import dev.parley.store.HistorySlice;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each room's log in memory: a per-room sequence, nothing bounded. */
class FakeRoomHistory implements RoomHistoryStore {
    private final Map<String, List<StoredMessage>> logs = new HashMap<>();

    @Override
    public synchronized Future<StoredMessage> append(String room, StoredMessage message) {
        List<StoredMessage> log = logs.computeIfAbsent(room, r -> new ArrayList<>());
        StoredMessage stored = message.withSeq(log.size() + 1L);
        log.add(stored);
        return Future.succeededFuture(stored);
    }

    @Override
    public synchronized Future<Long> head(String room) {
        return Future.succeededFuture((long) log(room).size());
    }

    @Override
    public synchronized Future<HistorySlice> since(String room, long afterSeq, int max, long notBeforeTs) {
        List<StoredMessage> after = log(room).stream().filter(m -> m.seq() > afterSeq && m.ts() >= notBeforeTs).toList();
        List<StoredMessage> newest = after.subList(Math.max(0, after.size() - max), after.size());
        long all = log(room).stream().filter(m -> m.seq() > afterSeq).count();
        return Future.succeededFuture(new HistorySlice(List.copyOf(newest), all - newest.size(), log(room).size()));
    }

    @Override
    public synchronized Future<HistorySlice> before(String room, long beforeSeq, int limit) {
        List<StoredMessage> older = log(room).stream().filter(m -> m.seq() < beforeSeq).toList();
        List<StoredMessage> newest = older.subList(Math.max(0, older.size() - limit), older.size());
        return Future.succeededFuture(new HistorySlice(List.copyOf(newest), older.size() - newest.size(), log(room).size()));
    }

    @Override
    public synchronized Future<Void> drop(String room) {
        logs.remove(room);
        return Future.succeededFuture();
    }

    synchronized List<StoredMessage> log(String room) {
        return List.copyOf(logs.getOrDefault(room, List.of()));
    }

    synchronized boolean has(String room) {
        return logs.containsKey(room);
    }
}
