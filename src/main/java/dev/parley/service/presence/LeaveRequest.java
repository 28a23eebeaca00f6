package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * {@link PresenceAddresses#LEAVE}: {@code session} of {@code user} ended. Answered with a {@link LeaveReply}.
 *
 * @param lastGroupSeq the newest group message the session saw; 0 (or absent) when it saw none
 */
public record LeaveRequest(String user, String session, long lastGroupSeq) {
    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("session", session).put("lastGroupSeq", lastGroupSeq);
    }

    /** @throws BusCheck.InvalidBody when a field is missing, of the wrong type or too long */
    public static LeaveRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("user", BusCheck.FIELD_MAX).str("session", BusCheck.ID_MAX).optLong("lastGroupSeq").orThrow();
        return new LeaveRequest(j.getString("user"), j.getString("session"), j.getLong("lastGroupSeq", 0L));
    }
}
