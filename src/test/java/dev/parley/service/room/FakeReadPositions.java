package dev.parley.service.room;

import dev.parley.store.ReadPositionStore;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;

/** Read positions in memory; never moved backwards. */
final class FakeReadPositions implements ReadPositionStore {
    private final Map<String, Map<String, Long>> positions = new HashMap<>();

    @Override
    public synchronized Future<Long> get(String user, String room) {
        return Future.succeededFuture(positions.getOrDefault(user, Map.of()).get(room));
    }

    @Override
    public synchronized Future<Map<String, Long>> all(String user) {
        return Future.succeededFuture(Map.copyOf(positions.getOrDefault(user, Map.of())));
    }

    @Override
    public synchronized Future<Void> advance(String user, Map<String, Long> advanced) {
        Map<String, Long> mine = positions.computeIfAbsent(user, u -> new HashMap<>());
        advanced.forEach((room, seq) -> mine.merge(room, seq, Math::max));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> forget(String user, String room) {
        positions.getOrDefault(user, new HashMap<>()).remove(room);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> forgetAll(String user) {
        positions.remove(user);
        return Future.succeededFuture();
    }
}
