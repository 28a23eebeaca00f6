package dev.parley.store;

import io.vertx.core.json.JsonObject;

/**
 * One online user: which node and which session (connection) holds them.
 *
 * @param away the away message the user set (IRC AWAY, JSON/text {@code away}), null while here; it belongs to the
 *             session, so a new login starts without one
 */
public record PresenceEntry(String user, String name, String node, String session, String away) {
    public PresenceEntry(String user, String name, String node, String session) {
        this(user, name, node, session, null);
    }

    /** The same session with {@code away} (null: back). */
    public PresenceEntry withAway(String away) {
        return new PresenceEntry(user, name, node, session, away);
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user).put("name", name).put("node", node).put("session", session);
        // Absent while here: entries written before away existed read the same.
        if (away != null) j.put("away", away);
        return j;
    }

    public static PresenceEntry fromJson(JsonObject j) {
        return new PresenceEntry(j.getString("user"), j.getString("name"), j.getString("node"), j.getString("session"),
                j.getString("away"));
    }
}
