package dev.parley.store;

/** An account. {@code passwordHash} is self-describing (algorithm, cost, salt, hash). */
public record UserRecord(String id, String name, String passwordHash, long createdAt) {
}
