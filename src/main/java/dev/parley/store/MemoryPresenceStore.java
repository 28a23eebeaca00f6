package dev.parley.store;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Presence for a single node: in memory, since it does not outlive the process anyway. */
public final class MemoryPresenceStore implements PresenceStore {
    private final Map<String, PresenceEntry> online = new LinkedHashMap<>();

    @Override
    public synchronized Future<PresenceEntry> join(PresenceEntry entry) {
        return Future.succeededFuture(online.put(entry.user(), entry));
    }

    @Override
    public synchronized Future<PresenceEntry> leave(String user, String session) {
        PresenceEntry e = online.get(user);
        if (e == null || !e.session().equals(session)) return Future.succeededFuture();
        online.remove(user);
        return Future.succeededFuture(e);
    }

    @Override
    public synchronized Future<PresenceEntry> setAway(String user, String session, String away) {
        PresenceEntry e = online.get(user);
        if (e == null || !e.session().equals(session)) return Future.succeededFuture();
        online.put(user, e.withAway(away));
        return Future.succeededFuture(e);
    }

    @Override
    public synchronized Future<PresenceEntry> get(String user) {
        return Future.succeededFuture(online.get(user));
    }

    @Override
    public synchronized Future<Long> count() {
        return Future.succeededFuture((long) online.size());
    }

    @Override
    public synchronized Future<List<PresenceEntry>> list(int max) {
        List<PresenceEntry> out = new ArrayList<>(Math.min(max, online.size()));
        for (PresenceEntry e : online.values()) {
            if (out.size() >= max) break;
            out.add(e);
        }
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<List<PresenceEntry>> entriesOf(String node) {
        return Future.succeededFuture(online.values().stream().filter(e -> e.node().equals(node)).toList());
    }

    @Override
    public synchronized Future<List<PresenceEntry>> removeNode(String node) {
        List<PresenceEntry> removed = new ArrayList<>();
        online.values().removeIf(e -> {
            if (!e.node().equals(node)) return false;
            removed.add(e);
            return true;
        });
        return Future.succeededFuture(removed);
    }
}
