package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.UserRecord;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

final class MvUserStore implements UserStore {
    private final MVStore store;
    private final MVMap<String, String> users;
    private final Blocking blocking;

    MvUserStore(MVStore store, Blocking blocking) {
        this.store = store;
        this.users = store.openMap("users");
        this.blocking = blocking;
    }

    @Override
    public Future<Boolean> create(UserRecord user) {
        String json = new JsonObject().put("id", user.id()).put("name", user.name())
                .put("hash", user.passwordHash()).put("created", user.createdAt()).encode();
        return blocking.run(() -> {
            // putIfAbsent is atomic: of two concurrent registrations exactly one wins.
            boolean created = users.putIfAbsent(user.id(), json) == null;
            if (created) store.commit();
            return created;
        });
    }

    @Override
    public Future<UserRecord> find(String id) {
        return blocking.read(() -> {
            String json = users.get(id);
            if (json == null) return null;
            JsonObject j = new JsonObject(json);
            return new UserRecord(j.getString("id"), j.getString("name"), j.getString("hash"), j.getLong("created"));
        });
    }
}
