package dev.parley.service.group;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/** {@link GroupAddresses#HEAD}'s answer: {"head"}, the group history's newest sequence number (0: empty). */
public record HeadReply(long head) {
    public JsonObject toJson() {
        return new JsonObject().put("head", head);
    }

    public static HeadReply fromJson(JsonObject j) {
        BusCheck.of(j).whole("head").orThrow();
        return new HeadReply(j.getLong("head"));
    }
}
