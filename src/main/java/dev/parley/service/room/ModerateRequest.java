package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link RoomAddresses#MODERATE}: {"by","room","action","target"?,"reason"?}. Only the room's operators may
 * moderate. {@code target} is the user acted on (absent for INVITE_ONLY/OPEN).
 */
public record ModerateRequest(String by, String room, Action action, String target, String reason) {
    public enum Action { KICK, BAN, UNBAN, INVITE, OP, DEOP, INVITE_ONLY, OPEN;

        /** Whether the action names a user. */
        public boolean targetsUser() {
            return this != INVITE_ONLY && this != OPEN;
        }
    }

    private static final Set<String> ACTIONS = Arrays.stream(Action.values()).map(a -> a.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    public JsonObject toJson() {
        JsonObject j = new JsonObject().put("by", by).put("room", room).put("action", action.name().toLowerCase(Locale.ROOT));
        if (target != null) j.put("target", target);
        if (reason != null) j.put("reason", reason);
        return j;
    }

    public static ModerateRequest fromJson(JsonObject j) {
        BusCheck.of(j).str("by", BusCheck.ID_MAX).str("room", BusCheck.ID_MAX).oneOf("action", ACTIONS)
                .optStr("target", BusCheck.ID_MAX).optStr("reason", BusCheck.FIELD_MAX).orThrow();
        Action action = Action.valueOf(j.getString("action").toUpperCase(Locale.ROOT));
        if (action.targetsUser() && j.getString("target") == null) throw new BusCheck.InvalidBody("target: expected a string");
        return new ModerateRequest(j.getString("by"), j.getString("room"), action, j.getString("target"), j.getString("reason"));
    }
}
