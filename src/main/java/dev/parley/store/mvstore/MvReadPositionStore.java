package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.ReadPositionStore;
import io.vertx.core.Future;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One map keyed "user\0room", so a user's positions are one ordered range. The default room is not stored here. */
final class MvReadPositionStore implements ReadPositionStore {
    private final MVMap<String, Long> positions;
    private final Blocking blocking;

    MvReadPositionStore(MVStore store, Blocking blocking) {
        this.positions = store.openMap("read-positions");
        this.blocking = blocking;
    }

    @Override
    public Future<Long> get(String user, String room) {
        return blocking.read(() -> positions.get(key(user, room)));
    }

    @Override
    public Future<Map<String, Long>> all(String user) {
        return blocking.read(() -> {
            Map<String, Long> out = new TreeMap<>();
            String prefix = user + '\0';
            Cursor<String, Long> c = positions.cursor(prefix);
            while (c.hasNext()) {
                String k = c.next();
                if (!k.startsWith(prefix)) break;
                out.put(k.substring(prefix.length()), c.getValue());
            }
            return out;
        });
    }

    @Override
    public Future<Void> advance(String user, Map<String, Long> moves) {
        return blocking.run(() -> {
            // merge is a compare-and-set loop on a ConcurrentMap: concurrent acks cannot move a position back.
            moves.forEach((room, seq) -> positions.merge(key(user, room), seq, Math::max));
            return null;
        });
    }

    @Override
    public Future<Void> forget(String user, String room) {
        return blocking.run(() -> {
            positions.remove(key(user, room));
            return null;
        });
    }

    @Override
    public Future<Void> forgetAll(String user) {
        return blocking.run(() -> {
            String prefix = user + '\0';
            List<String> doomed = new ArrayList<>();
            Cursor<String, Long> c = positions.cursor(prefix);
            while (c.hasNext()) {
                String k = c.next();
                if (!k.startsWith(prefix)) break;
                doomed.add(k);
            }
            doomed.forEach(positions::remove);
            return null;
        });
    }

    private static String key(String user, String room) {
        return user + '\0' + room;
    }
}
