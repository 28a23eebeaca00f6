package dev.parley.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.Utf16;
import dev.parley.service.auth.AccountRules;
import dev.parley.service.presence.AwayReply;
import dev.parley.service.presence.AwayRequest;
import dev.parley.service.presence.LocateRequest;
import dev.parley.service.presence.Location;
import dev.parley.service.presence.PresenceAddresses;
import io.vertx.core.json.JsonObject;

/**
 * away and whois: the away message lives with the session's presence, so every node, protocol and co-member sees the
 * same status, and it goes when the session does (logout, disconnect, takeover).
 */
public final class AwayCommands {
    /** Longest away message: IRC clients' usual AWAYLEN, which 005 advertises; a status, not a message. */
    public static final int MAX_AWAY_CHARS = 200;

    private final GatewayServices services;

    AwayCommands(GatewayServices services) {
        this.services = services;
    }

    // away [text]   (no text, or blank: back)
    void away(Connection c, Request r) {
        String text = r.has(Fields.TEXT) ? r.text(Fields.TEXT) : null;
        if (r.has(Fields.TEXT) && text == null) {
            c.send(Reply.fail(Ops.AWAY, r.rid(), ChatError.BAD_REQUEST, "\"text\" must be a string"));
            return;
        }
        if (text != null && text.isBlank()) text = null;
        if (text != null && Utf16.hasUnpairedSurrogate(text)) {
            c.send(Reply.fail(Ops.AWAY, r.rid(), ChatError.BAD_REQUEST, "\"text\" is not valid Unicode (unpaired surrogate)"));
            return;
        }
        if (text != null && text.codePointCount(0, text.length()) > MAX_AWAY_CHARS) {
            c.send(Reply.fail(Ops.AWAY, r.rid(), ChatError.TEXT_TOO_LONG, "an away message is limited to " + MAX_AWAY_CHARS + " characters"));
            return;
        }
        String away = text;
        services.bus().<JsonObject>request(PresenceAddresses.AWAY, new AwayRequest(c.user(), c.sessionId(), away).toJson())
                .map(m -> AwayReply.fromJson(m.body()))
                .onSuccess(reply -> {
                    if (reply.current()) c.away(away);
                    ObjectNode f = Json.object().put(Fields.AWAY, away != null);
                    if (away != null) f.put(Fields.TEXT, away);
                    c.send(Reply.ok(Ops.AWAY, r.rid(), f));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.AWAY, r, t)));
    }

    // whois <user>
    void whois(Connection c, Request r) {
        String user = r.text(Fields.USER);
        if (user == null || !AccountRules.USER_ID.matcher(user).matches()) {
            c.send(Reply.fail(Ops.WHOIS, r.rid(), ChatError.BAD_REQUEST, "\"user\" must be a user id"));
            return;
        }
        // A user on this node answers from their connection, which holds the status presence accepted: IRC asks
        // after every live PRIVMSG to a nick (for 301), and a bus round trip to presence costs as much as the message.
        Connection local = services.sessions().byUser(user);
        if (local != null && !local.closed() && local.sessionId() != null) {
            c.send(Reply.ok(Ops.WHOIS, r.rid(), whois(user, true, local.away())));
            return;
        }
        services.bus().<JsonObject>request(PresenceAddresses.LOCATE, new LocateRequest(user).toJson())
                .map(m -> Location.fromJson(m.body()))
                .onSuccess(where -> c.send(Reply.ok(Ops.WHOIS, r.rid(), whois(user, where.online(), where.away()))))
                .onFailure(t -> c.send(Replies.failure(Ops.WHOIS, r, t)));
    }

    private static ObjectNode whois(String user, boolean online, String away) {
        ObjectNode f = Json.object().put(Fields.USER, user).put(Fields.ONLINE, online);
        if (away != null) f.put(Fields.AWAY, away);
        return f;
    }
}
