package dev.parley.store;

import io.vertx.core.json.JsonObject;

/**
 * An account. {@code passwordHash} is self-describing (algorithm, cost, salt, hash). A {@code locked}
 * account exists but cannot log in (an operator locked it).
 */
public record UserRecord(String id, String name, String passwordHash, long createdAt, boolean locked) {

    public UserRecord(String id, String name, String passwordHash, long createdAt) {
        this(id, name, passwordHash, createdAt, false);
    }

    public UserRecord withName(String newName) {
        return new UserRecord(id, newName, passwordHash, createdAt, locked);
    }

    public UserRecord withPasswordHash(String newHash) {
        return new UserRecord(id, name, newHash, createdAt, locked);
    }

    public UserRecord withLocked(boolean lock) {
        return new UserRecord(id, name, passwordHash, createdAt, lock);
    }

    /** The stored form, the same in every backend; "locked" only when set, so older records read back unchanged. */
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("id", id).put("name", name).put("hash", passwordHash).put("created", createdAt);
        if (locked) j.put("locked", true);
        return j;
    }

    public static UserRecord fromJson(JsonObject j) {
        return new UserRecord(j.getString("id"), j.getString("name"), j.getString("hash"), j.getLong("created"),
                j.getBoolean("locked", false));
    }
}
