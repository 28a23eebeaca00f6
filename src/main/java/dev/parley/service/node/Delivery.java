package dev.parley.service.node;

import dev.parley.protocol.ByeReason;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

/** The bodies sent to node addresses. Each is a JsonObject with a "type". */
public final class Delivery {
    public static final String PRESENCE = "presence";
    public static final String GROUP = "group";
    public static final String PRIVATE = "private";
    public static final String KICK = "kick";
    /** Operators: close a user's session wherever it is ({@link CloseUser}). */
    public static final String CLOSE_USER = "close_user";
    /** Operators: a notice to everyone online ({@link ServerNotice}). */
    public static final String NOTICE = "notice";
    /** Readiness: a node asks its own address to prove the bus delivers to it. */
    public static final String PING = "ping";

    private Delivery() {
    }

    public static JsonObject presence(String user, String name, boolean online) {
        return new JsonObject().put("type", PRESENCE).put("user", user).put("name", name).put("online", online);
    }

    public static JsonObject groupMessage(StoredMessage m) {
        return new JsonObject().put("type", GROUP).put("message", m.toJson());
    }

    /** Sent as a request: the node answers {"delivered": true|false}. */
    public static JsonObject privateMessage(StoredMessage m) {
        return new JsonObject().put("type", PRIVATE).put("message", m.toJson());
    }

    /** Closes one session (by id, so a newer session of the same user is never hit). */
    public static JsonObject kick(String user, String session, ByeReason reason) {
        return new JsonObject().put("type", KICK).put("user", user).put("session", session).put("reason", reason.name());
    }
}
