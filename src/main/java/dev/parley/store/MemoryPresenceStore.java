package dev.parley.store;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Presence for a single node: in memory, since it does not outlive the process anyway. */
public final class MemoryPresenceStore implements PresenceStore {
    private final Map<String, PresenceEntry> online = new LinkedHashMap<>();
    /** Replaced session -> when its record expires; insertion order is expiry order, since the TTL is fixed. */
    private final Map<String, Long> replacedUntil = new LinkedHashMap<>();
    private final LongSupplier clockMillis;
    private final long replacedTtlMillis;

    public MemoryPresenceStore() {
        this(() -> System.nanoTime() / 1_000_000, REPLACED_TTL.toMillis());
    }

    /** @param clockMillis a monotonic clock, injected so that tests can expire the takeover records */
    public MemoryPresenceStore(LongSupplier clockMillis, long replacedTtlMillis) {
        this.clockMillis = clockMillis;
        this.replacedTtlMillis = replacedTtlMillis;
    }

    @Override
    public synchronized Future<PresenceEntry> join(PresenceEntry entry) {
        PresenceEntry previous = online.put(entry.user(), entry);
        if (previous != null && !previous.session().equals(entry.session())) {
            expireReplaced();
            replacedUntil.remove(previous.session()); // re-inserted last, keeping the map in expiry order
            replacedUntil.put(previous.session(), clockMillis.getAsLong() + replacedTtlMillis);
        }
        return Future.succeededFuture(previous);
    }

    @Override
    public synchronized Future<Rejoin> rejoin(PresenceEntry entry) {
        expireReplaced();
        if (replacedUntil.containsKey(entry.session())) return Future.succeededFuture(Rejoin.REPLACED);
        PresenceEntry current = online.get(entry.user());
        if (current != null && !current.session().equals(entry.session())) return Future.succeededFuture(Rejoin.REPLACED);
        online.put(entry.user(), entry);
        return Future.succeededFuture(current == null ? Rejoin.ADDED : Rejoin.REFRESHED);
    }

    /** How many takeover records are kept (bounded by {@link #REPLACED_TTL}). */
    synchronized int replacedRecords() {
        expireReplaced();
        return replacedUntil.size();
    }

    private void expireReplaced() {
        long now = clockMillis.getAsLong();
        for (Iterator<Long> it = replacedUntil.values().iterator(); it.hasNext(); ) {
            if (it.next() > now) break;
            it.remove();
        }
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
