package dev.parley.store;

import io.vertx.core.json.JsonObject;

/** One online user: which node and which session (connection) holds them. */
public record PresenceEntry(String user, String name, String node, String session) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("name", name).put("node", node).put("session", session);
    }

    public static PresenceEntry fromJson(JsonObject j) {
        return new PresenceEntry(j.getString("user"), j.getString("name"), j.getString("node"), j.getString("session"));
    }
}
