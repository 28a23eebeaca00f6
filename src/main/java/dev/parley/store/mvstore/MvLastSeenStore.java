package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.LastSeenStore;
import io.vertx.core.Future;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

final class MvLastSeenStore implements LastSeenStore {
    private final MVMap<String, Long> positions;
    private final Blocking blocking;

    MvLastSeenStore(MVStore store, Blocking blocking) {
        this.positions = store.openMap("last-seen");
        this.blocking = blocking;
    }

    @Override
    public Future<Long> get(String user) {
        return blocking.read(() -> positions.get(user));
    }

    @Override
    public Future<Void> advance(String user, long seq) {
        return blocking.run(() -> {
            positions.merge(user, seq, Math::max);
            return null;
        });
    }

    @Override
    public Future<Void> forget(String user) {
        return blocking.run(() -> {
            positions.remove(user);
            return null;
        });
    }
}
