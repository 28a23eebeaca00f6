package dev.parley.store;

import io.vertx.core.Future;

/**
 * Room history where the default room is the old global group history, under its existing keys (so an upgraded
 * node sees the old messages and a node of the previous version still shares the group); every other room goes
 * to the backend's per-room log.
 */
final class DefaultRoomHistory implements RoomHistoryStore {
    private final String defaultRoom;
    private final GroupHistoryStore group;
    private final RoomHistoryStore others;

    DefaultRoomHistory(String defaultRoom, GroupHistoryStore group, RoomHistoryStore others) {
        this.defaultRoom = defaultRoom;
        this.group = group;
        this.others = others;
    }

    @Override
    public Future<StoredMessage> append(String room, StoredMessage message) {
        return isDefault(room) ? group.append(message) : others.append(room, message);
    }

    @Override
    public Future<Long> head(String room) {
        return isDefault(room) ? group.head() : others.head(room);
    }

    @Override
    public Future<HistorySlice> since(String room, long afterSeq, int max, long notBeforeTs) {
        return isDefault(room) ? group.since(afterSeq, max, notBeforeTs) : others.since(room, afterSeq, max, notBeforeTs);
    }

    @Override
    public Future<HistorySlice> before(String room, long beforeSeq, int limit) {
        return isDefault(room) ? group.before(beforeSeq, limit) : others.before(room, beforeSeq, limit);
    }

    @Override
    public Future<Void> drop(String room) {
        if (isDefault(room)) {
            return Future.failedFuture(new IllegalArgumentException("the default room " + room + " is never dropped"));
        }
        return others.drop(room);
    }

    private boolean isDefault(String room) {
        return defaultRoom.equals(room);
    }
}
