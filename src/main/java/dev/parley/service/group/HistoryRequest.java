package dev.parley.service.group;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link GroupAddresses#HISTORY}: {"user","upTo"?}, the group messages a user missed since their last-seen position.
 *
 * @param upTo the newest sequence number to replay; later ones reach the session live. Null: no bound (and a
 *             first visit then records no position)
 */
public record HistoryRequest(String user, Long upTo) {
    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("user", user);
        if (upTo != null) j.put("upTo", upTo);
        return j;
    }

    public static HistoryRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).optLong("upTo").orThrow();
        return new HistoryRequest(j.getString("user"), j.getLong("upTo"));
    }
}
