package dev.parley.service.delivery;

import dev.parley.protocol.ByeReason;
import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Sent to one node: close one session, by id, so a newer session of the same user is never hit. */
public record Kick(String user, String session, ByeReason reason) implements Delivery {
    static final Set<String> BYE_REASONS =
            Arrays.stream(ByeReason.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    @Override
    public JsonObject toJson() {
        return new JsonObject().put("type", KICK).put("user", user).put("session", session).put("reason", reason.name());
    }

    /** @throws BusCheck.InvalidBody naming the first problem ("user" is informative only, so optional) */
    public static Kick fromJson(JsonObject j) {
        BusCheck.of(j).optStr("user", BusCheck.FIELD_MAX).str("session", BusCheck.ID_MAX).oneOf("reason", BYE_REASONS)
                .orThrow();
        return new Kick(j.getString("user"), j.getString("session"), ByeReason.valueOf(j.getString("reason")));
    }
}
