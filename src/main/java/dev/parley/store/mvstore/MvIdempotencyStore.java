package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.IdempotencyStore;
import io.vertx.core.Future;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.Iterator;
import java.util.Map;

/** key -> "expiresAt|value". Expired keys are swept whenever the map grows past a threshold. */
final class MvIdempotencyStore implements IdempotencyStore {
    private static final int SWEEP_EVERY = 10_000;

    private final MVMap<String, String> keys;
    private final Blocking blocking;
    private int sinceSweep;

    MvIdempotencyStore(MVStore store, Blocking blocking) {
        this.keys = store.openMap("idempotency");
        this.blocking = blocking;
    }

    @Override
    public Future<String> putIfAbsent(String key, String value, long expiresAtMillis) {
        long now = System.currentTimeMillis();
        return blocking.run(() -> {
            synchronized (this) {
                String existing = keys.get(key);
                if (existing != null) {
                    int bar = existing.indexOf('|');
                    if (Long.parseLong(existing.substring(0, bar)) > now) return existing.substring(bar + 1);
                }
                keys.put(key, expiresAtMillis + "|" + value);
                if (++sinceSweep >= SWEEP_EVERY) {
                    sinceSweep = 0;
                    sweep(now);
                }
                return null;
            }
        });
    }

    @Override
    public Future<Void> put(String key, String value, long expiresAtMillis) {
        return blocking.run(() -> {
            keys.put(key, expiresAtMillis + "|" + value);
            return null;
        });
    }

    @Override
    public Future<Void> remove(String key) {
        return blocking.run(() -> {
            keys.remove(key);
            return null;
        });
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, String>> it = keys.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            String v = e.getValue();
            if (Long.parseLong(v.substring(0, v.indexOf('|'))) <= now) keys.remove(e.getKey());
        }
    }
}
