package dev.parley.store;

import io.vertx.core.Future;

import java.util.function.UnaryOperator;

public interface UserStore {
    /** Creates the account atomically; false when the id is taken. */
    Future<Boolean> create(UserRecord user);

    /** The account, or null when there is none. */
    Future<UserRecord> find(String id);

    /**
     * Applies {@code change} to the account atomically (compare-and-set, retried on a concurrent change, so
     * two updates of different fields never undo each other) and returns the stored result; null when there is
     * no such account. {@code change} may run more than once and must not change the id.
     */
    Future<UserRecord> update(String id, UnaryOperator<UserRecord> change);

    /** Removes the account; false when there was none. */
    Future<Boolean> delete(String id);
}
