package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import dev.parley.service.BusTags;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Sent (not requested: nothing is confirmed or stored) to the node holding {@code to}'s session: a message of
 * client-only tags (TAGMSG) for that user, dropped when they are no longer there.
 */
public record PrivateTags(String from, String name, String to, String id, long ts, Map<String, String> tags)
        implements Delivery {
    public PrivateTags {
        tags = tags == null ? Map.of() : tags;
    }

    @Override
    public JsonObject toJson() {
        return BusTags.put(new JsonObject().put("type", PRIVATE_TAGS).put("from", from).put("name", name).put("to", to)
                .put("id", id).put("ts", ts), tags);
    }

    /** @throws BusCheck.InvalidBody naming the first problem */
    public static PrivateTags fromJson(JsonObject j) {
        BusCheck.of(j).str("from", BusCheck.ID_MAX).optStr("name", BusCheck.FIELD_MAX).str("to", BusCheck.ID_MAX)
                .str("id", BusCheck.ID_MAX).whole("ts").orThrow();
        return new PrivateTags(j.getString("from"), j.getString("name"), j.getString("to"), j.getString("id"),
                j.getLong("ts"), BusTags.read(j));
    }
}
