package dev.parley.store;

import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read positions where the default room's are the old last-seen positions, under their existing keys (an
 * upgraded user does not replay the group again); every other room's go to the backend's per-room store.
 */
final class DefaultRoomReadPositions implements ReadPositionStore {
    private final String defaultRoom;
    private final LastSeenStore lastSeen;
    private final ReadPositionStore others;

    DefaultRoomReadPositions(String defaultRoom, LastSeenStore lastSeen, ReadPositionStore others) {
        this.defaultRoom = defaultRoom;
        this.lastSeen = lastSeen;
        this.others = others;
    }

    @Override
    public Future<Long> get(String user, String room) {
        return isDefault(room) ? lastSeen.get(user) : others.get(user, room);
    }

    @Override
    public Future<Map<String, Long>> all(String user) {
        Future<Long> group = lastSeen.get(user);
        Future<Map<String, Long>> rest = others.all(user);
        return Future.all(group, rest).map(v -> {
            Map<String, Long> out = new TreeMap<>(rest.result());
            if (group.result() != null) out.put(defaultRoom, group.result());
            return out;
        });
    }

    @Override
    public Future<Void> advance(String user, Map<String, Long> positions) {
        Long group = positions.get(defaultRoom);
        Map<String, Long> rest = new HashMap<>(positions);
        rest.remove(defaultRoom);
        Future<Void> a = group == null ? Future.succeededFuture() : lastSeen.advance(user, group);
        Future<Void> b = rest.isEmpty() ? Future.succeededFuture() : others.advance(user, rest);
        return Future.all(a, b).mapEmpty();
    }

    @Override
    public Future<Void> forget(String user, String room) {
        return isDefault(room) ? lastSeen.forget(user) : others.forget(user, room);
    }

    @Override
    public Future<Void> forgetAll(String user) {
        return Future.all(lastSeen.forget(user), others.forgetAll(user)).mapEmpty();
    }

    private boolean isDefault(String room) {
        return defaultRoom.equals(room);
    }
}
