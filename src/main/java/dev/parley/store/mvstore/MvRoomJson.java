package dev.parley.store.mvstore;

import dev.parley.store.Room;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A room's metadata as the embedded store keeps it: one JSON value per room, its small sets included. */
final class MvRoomJson {
    private MvRoomJson() {
    }

    static String encode(Room r) {
        return new JsonObject().put("name", r.name()).put("display", r.display()).put("topic", r.topic())
                .put("topicBy", r.topicBy()).put("topicTs", r.topicTs()).put("owner", r.owner())
                .put("operators", new JsonArray(r.operators().stream().sorted().toList()))
                .put("banned", new JsonArray(r.banned().stream().sorted().toList()))
                .put("invited", new JsonArray(r.invited().stream().sorted().toList()))
                .put("inviteOnly", r.inviteOnly()).put("createdAt", r.createdAt()).encode();
    }

    static Room decode(String json) {
        JsonObject j = new JsonObject(json);
        return new Room(j.getString("name"), j.getString("display"), j.getString("topic", ""), j.getString("topicBy"),
                j.getLong("topicTs", 0L), j.getString("owner"), set(j, "operators"), set(j, "banned"), set(j, "invited"),
                j.getBoolean("inviteOnly", false), j.getLong("createdAt", 0L));
    }

    /** Only the display name, for every say: the sets are not decoded. */
    static String display(String json) {
        return new JsonObject(json).getString("display");
    }

    private static Set<String> set(JsonObject j, String field) {
        Set<String> out = new TreeSet<>();
        JsonArray a = j.getJsonArray(field, new JsonArray());
        for (int i = 0; i < a.size(); i++) out.add(a.getString(i));
        return Collections.unmodifiableSet(out);
    }
}
