package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Answer to {@link WhoRequest} and {@link JoinRequest}: how many users are online, and some of them
 * (capped at limits.whoListMax, so a big room costs one bounded reply).
 */
public record OnlineListing(long count, List<OnlineUser> online) {
    /** One listed user; {@code name} may be null (no display name), {@code away} is null while here. */
    public record OnlineUser(String user, String name, String away) {
        public OnlineUser(String user, String name) {
            this(user, name, null);
        }

        JsonObject toJson() {
            JsonObject j = new JsonObject().put("user", user).put("name", name);
            if (away != null) j.put("away", away);
            return j;
        }
    }

    public OnlineListing {
        online = List.copyOf(online);
    }

    public JsonObject toJson() {
        return new JsonObject().put("count", count).put("online", onlineJson());
    }

    /** The listed users as [{"user","name"[,"away"]}], as clients receive them in who and login replies. */
    public JsonArray onlineJson() {
        JsonArray out = new JsonArray();
        for (OnlineUser u : online) out.add(u.toJson());
        return out;
    }

    /** @throws BusCheck.InvalidBody when a field is missing or of the wrong type */
    public static OnlineListing fromJson(JsonObject j) {
        BusCheck.of(j).whole("count").orThrow();
        if (!(j.getValue("online") instanceof JsonArray online)) throw new BusCheck.InvalidBody("online: expected an array");
        List<OnlineUser> users = new ArrayList<>(online.size());
        for (Object o : online) {
            BusCheck.of(o).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                    .optStr("away", BusCheck.FIELD_MAX).orThrow();
            JsonObject u = (JsonObject) o;
            users.add(new OnlineUser(u.getString("user"), u.getString("name"), u.getString("away")));
        }
        return new OnlineListing(j.getLong("count"), users);
    }
}
