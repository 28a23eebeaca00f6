package dev.parley.service.presence;

import io.vertx.core.json.JsonArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who is online and where. Pure and single-threaded: owned by the presence verticle. */
public final class PresenceTable {

    public record Entry(String user, String name, String node, String session) {
    }

    private final Map<String, Entry> online = new LinkedHashMap<>();

    /** Records the session; returns the entry it replaced (same user), or null. */
    public Entry join(Entry entry) {
        return online.put(entry.user(), entry);
    }

    /** Removes the user if {@code session} is still the current one; returns the removed entry. */
    public Entry leave(String user, String session) {
        Entry e = online.get(user);
        if (e == null || !e.session().equals(session)) return null;
        online.remove(user);
        return e;
    }

    public Entry get(String user) {
        return online.get(user);
    }

    public int count() {
        return online.size();
    }

    /** Up to {@code max} users as [{"user","name"}], leaving out {@code except} (may be null). */
    public JsonArray list(int max, String except) {
        JsonArray out = new JsonArray();
        for (Entry e : online.values()) {
            if (out.size() >= max) break;
            if (e.user().equals(except)) continue;
            out.add(new io.vertx.core.json.JsonObject().put("user", e.user()).put("name", e.name()));
        }
        return out;
    }
}
