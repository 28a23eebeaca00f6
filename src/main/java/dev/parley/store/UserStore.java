package dev.parley.store;

import io.vertx.core.Future;

public interface UserStore {
    /** Creates the account atomically; false when the id is taken. */
    Future<Boolean> create(UserRecord user);

    /** The account, or null when there is none. */
    Future<UserRecord> find(String id);
}
