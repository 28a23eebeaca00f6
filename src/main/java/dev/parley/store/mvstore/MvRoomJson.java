package dev.parley.store.mvstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.parley.store.Room;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * Only the display name, for every say: read as a stream up to that field ({@link #encode} writes it second),
     * without building the whole object (its sets included): parsing the room's JSON was 40 % of a room say's store
     * step (docs/performance.md, "Per-message cost").
     */
    static String display(String json) {
        try (JsonParser p = STREAMS.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("room record is not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("display".equals(field)) return p.getValueAsString();
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final JsonFactory STREAMS = new JsonFactory();

    private static Set<String> set(JsonObject j, String field) {
        Set<String> out = new TreeSet<>();
        JsonArray a = j.getJsonArray(field, new JsonArray());
        for (int i = 0; i < a.size(); i++) out.add(a.getString(i));
        return Collections.unmodifiableSet(out);
    }
}
