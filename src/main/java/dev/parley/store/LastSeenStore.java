package dev.parley.store;

import io.vertx.core.Future;

/** Per user: the last group sequence number they saw, to replay what they missed. */
public interface LastSeenStore {
    /** The position, or null when the user was never seen. */
    Future<Long> get(String user);

    /** Records a position; never moves it backwards. */
    Future<Void> advance(String user, long seq);

    /** Forgets the user's position (their account was deleted): a next account of that id replays nothing. */
    Future<Void> forget(String user);
}
