package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

/**
 * Answer to {@link LocateRequest}: the node and session holding the user, both null when offline ({}).
 *
 * @param away the user's away message, null while here (or offline)
 */
public record Location(String node, String session, String away) {
    public static final Location OFFLINE = new Location(null, null, null);

    public Location(String node, String session) {
        this(node, session, null);
    }

    public boolean online() {
        return node != null;
    }

    public JsonObject toJson() {
        if (!online()) return new JsonObject();
        JsonObject j = new JsonObject().put("node", node).put("session", session);
        if (away != null) j.put("away", away);
        return j;
    }

    /** @throws BusCheck.InvalidBody when a field has the wrong type or only one of them is there */
    public static Location fromJson(JsonObject j) {
        BusCheck.of(j).optStr("node", BusCheck.ID_MAX).optStr("session", BusCheck.ID_MAX)
                .optStr("away", BusCheck.FIELD_MAX).orThrow();
        if (j.getString("node") == null) return OFFLINE;
        BusCheck.of(j).str("session", BusCheck.ID_MAX).orThrow();
        return new Location(j.getString("node"), j.getString("session"), j.getString("away"));
    }
}
