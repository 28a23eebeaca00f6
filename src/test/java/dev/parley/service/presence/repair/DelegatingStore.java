package dev.parley.service.presence.repair;

import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;

import java.util.List;

/** A presence store that forwards every call; tests override the one they want to slow down or break. */
class DelegatingStore implements PresenceStore {
    private final PresenceStore delegate;

    DelegatingStore(PresenceStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Future<PresenceEntry> join(PresenceEntry entry) {
        return delegate.join(entry);
    }

    @Override
    public Future<Rejoin> rejoin(PresenceEntry entry) {
        return delegate.rejoin(entry);
    }

    @Override
    public Future<PresenceEntry> leave(String user, String session) {
        return delegate.leave(user, session);
    }

    @Override
    public Future<PresenceEntry> setAway(String user, String session, String away) {
        return delegate.setAway(user, session, away);
    }

    @Override
    public Future<PresenceEntry> get(String user) {
        return delegate.get(user);
    }

    @Override
    public Future<Long> count() {
        return delegate.count();
    }

    @Override
    public Future<List<PresenceEntry>> list(int max) {
        return delegate.list(max);
    }

    @Override
    public Future<List<PresenceEntry>> entriesOf(String node) {
        return delegate.entriesOf(node);
    }

    @Override
    public Future<List<PresenceEntry>> removeNode(String node) {
        return delegate.removeNode(node);
    }
}
