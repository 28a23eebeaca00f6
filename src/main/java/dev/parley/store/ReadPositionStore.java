package dev.parley.store;

import io.vertx.core.Future;

import java.util.Map;

/**
 * Per (user, room): the last room sequence number the user saw, to replay what they missed. The default
 * room's positions are today's last-seen positions under their existing keys.
 */
public interface ReadPositionStore {
    /** The position, or null when the user never saw the room. */
    Future<Long> get(String user, String room);

    /** All of the user's positions, by canonical room name. */
    Future<Map<String, Long>> all(String user);

    /** Records positions; never moves one backwards. */
    Future<Void> advance(String user, Map<String, Long> positions);

    /** Forgets one position (the user left the room). */
    Future<Void> forget(String user, String room);

    /** Forgets every position of the user (their account was deleted). */
    Future<Void> forgetAll(String user);
}
