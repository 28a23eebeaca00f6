package dev.parley.service;

import dev.parley.protocol.irc.ClientTags;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client-only tags ({@code +typing}...) in a bus body: a JSON object of strings under {@code "tags"}, absent when
 * there are none. Checked on arrival like every field: a peer's bad names or oversized tags would otherwise reach
 * the IRC writer.
 */
public final class BusTags {
    public static final String FIELD = "tags";

    private BusTags() {
    }

    /** Puts the tags in {@code j} when there are any. */
    public static JsonObject put(JsonObject j, Map<String, String> tags) {
        if (tags != null && !tags.isEmpty()) j.put(FIELD, new JsonObject(new LinkedHashMap<>(tags)));
        return j;
    }

    /** The tags of a body (empty when absent). @throws BusCheck.InvalidBody when they are not relayable client tags */
    public static Map<String, String> read(JsonObject j) {
        Object v = j.getValue(FIELD);
        if (v == null) return Map.of();
        if (!(v instanceof JsonObject o)) throw new BusCheck.InvalidBody(FIELD + ": expected an object of strings");
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o) {
            if (!(e.getValue() instanceof String s)) throw new BusCheck.InvalidBody(FIELD + ": expected an object of strings");
            tags.put(e.getKey(), s);
        }
        String problem = ClientTags.problem(tags);
        if (problem != null) throw new BusCheck.InvalidBody(FIELD + ": " + problem);
        return Collections.unmodifiableMap(tags);
    }
}
