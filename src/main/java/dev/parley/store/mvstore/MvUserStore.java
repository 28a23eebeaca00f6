package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.UserRecord;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.function.UnaryOperator;

final class MvUserStore implements UserStore {
    private final MVStore store;
    private final MVMap<String, String> users;
    private final Blocking blocking;
    /** Registrations come in storms: their commits are coalesced (updates and deletes are rare and commit alone). */
    private final CoalescedCommit registrations;

    MvUserStore(Vertx vertx, MVStore store, Blocking blocking) {
        this.store = store;
        this.users = store.openMap("users");
        this.blocking = blocking;
        this.registrations = new CoalescedCommit(vertx, store, blocking);
    }

    @Override
    public Future<Boolean> create(UserRecord user) {
        String json = user.toJson().encode();
        return blocking.run(() -> {
            // putIfAbsent is atomic: of two concurrent registrations exactly one wins.
            return users.putIfAbsent(user.id(), json) == null;
        }).compose(created -> created ? registrations.request().map(true) : Future.succeededFuture(false));
    }

    /** Commits made for registrations so far (a test's view). */
    long registrationCommits() {
        return registrations.commits();
    }

    @Override
    public Future<UserRecord> find(String id) {
        return blocking.read(() -> {
            String json = users.get(id);
            return json == null ? null : UserRecord.fromJson(new JsonObject(json));
        });
    }

    @Override
    public Future<UserRecord> update(String id, UnaryOperator<UserRecord> change) {
        return blocking.run(() -> {
            while (true) {
                String current = users.get(id);
                if (current == null) return null;
                UserRecord updated = change.apply(UserRecord.fromJson(new JsonObject(current)));
                // Compare-and-set on the stored text: a concurrent change makes us re-read and re-apply.
                if (users.replace(id, current, updated.toJson().encode())) {
                    store.commit();
                    return updated;
                }
            }
        });
    }

    @Override
    public Future<Boolean> delete(String id) {
        return blocking.run(() -> {
            boolean removed = users.remove(id) != null;
            if (removed) store.commit();
            return removed;
        });
    }
}
