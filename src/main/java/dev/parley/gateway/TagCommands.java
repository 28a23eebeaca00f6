package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.RequestProblem;
import dev.parley.protocol.RoomFields;
import dev.parley.protocol.RoomName;
import dev.parley.protocol.irc.ClientTags;
import dev.parley.service.auth.AccountRules;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.PrivateTags;
import dev.parley.service.group.SayReply;
import dev.parley.service.presence.LocateRequest;
import dev.parley.service.presence.Location;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.service.room.RoomAddresses;
import dev.parley.service.room.RoomTagsRequest;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * tagmsg: client-only tags (IRCv3 TAGMSG: typing notices, reactions) to a room's online members or to one online
 * user, on any node; live only, never stored. Only IRC readers with message-tags see them. Also reads the tags a
 * say or msg may carry. The sender is always the session's user.
 */
final class TagCommands {
    private final GatewayServices services;

    TagCommands(GatewayServices services) {
        this.services = services;
    }

    // tagmsg {room | to, tags}
    void tagmsg(Connection c, Request r) {
        Map<String, String> tags = tags(c, r);
        if (tags == null) return;
        String to = r.text(Fields.TO);
        if (to != null) {
            toUser(c, r, to, tags);
            return;
        }
        String room;
        try {
            room = RoomFields.room(r, null);
        } catch (RequestProblem p) {
            c.send(Reply.fail(Ops.TAGMSG, r.rid(), p.error(), p.error() == ChatError.BAD_REQUEST ? "\"room\" or \"to\" is required" : p.getMessage()));
            return;
        }
        String canonical = RoomName.canonical(room);
        String display = c.rooms().isDefault(canonical) ? services.config().rooms().defaultRoom() : c.rooms().display(canonical, room);
        services.bus().<JsonObject>request(RoomAddresses.TAGS, new RoomTagsRequest(c.user(), c.name(), room, tags).toJson())
                .map(m -> SayReply.fromJson(m.body()))
                .onSuccess(ok -> c.send(Reply.ok(Ops.TAGMSG, r.rid(),
                        Json.object().put(Fields.ID, ok.id()).put(Fields.TS, ok.ts()).put(Fields.ROOM, display))))
                .onFailure(t -> c.send(Replies.failure(Ops.TAGMSG, r, t)));
    }

    /**
     * To a user online anywhere: sent to their node (on this one without the bus); a user who is not online is
     * NO_SUCH_USER, as there is nobody to show an ephemeral message to.
     */
    private void toUser(Connection c, Request r, String to, Map<String, String> tags) {
        if (!AccountRules.USER_ID.matcher(to).matches()) {
            c.send(Reply.fail(Ops.TAGMSG, r.rid(), ChatError.NO_SUCH_USER, "no such user: " + to));
            return;
        }
        long ts = System.currentTimeMillis();
        PrivateTags d = new PrivateTags(c.user(), c.name(), to, services.node().ids().next(ts), ts, tags);
        Reply sent = Reply.ok(Ops.TAGMSG, r.rid(), Json.object().put(Fields.ID, d.id()).put(Fields.TS, ts).put(Fields.TO, to));
        Connection local = services.sessions().byUser(to);
        if (local != null && !local.closed()) {
            services.node().deliverLocally(d);
            c.send(sent);
            return;
        }
        services.bus().<JsonObject>request(PresenceAddresses.LOCATE, new LocateRequest(to).toJson())
                .map(m -> Location.fromJson(m.body()))
                .onSuccess(where -> {
                    if (!where.online()) {
                        c.send(Reply.fail(Ops.TAGMSG, r.rid(), ChatError.NO_SUCH_USER, to + " is not online"));
                        return;
                    }
                    services.bus().send(NodeAddresses.node(where.node()), d.toJson());
                    c.send(sent);
                })
                .onFailure(t -> c.send(Replies.failure(Ops.TAGMSG, r, t)));
    }

    /**
     * The request's client-only tags ({"tags": {"+typing": "active"}}; empty when absent), or null after replying
     * BAD_REQUEST (not an object of strings, a name without {@code +} or malformed) or TEXT_TOO_LONG (over the
     * {@link ClientTags#MAX_BYTES} an IRC client may send).
     */
    static Map<String, String> tags(Connection c, Request r) {
        JsonNode n = r.fields().get(Fields.TAGS);
        if (n == null || n.isNull()) return Map.of();
        if (!n.isObject()) return refused(c, r, ChatError.BAD_REQUEST, "\"tags\" must be an object of strings");
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) return refused(c, r, ChatError.BAD_REQUEST, "\"tags\" must be an object of strings");
            tags.put(e.getKey(), e.getValue().textValue());
        }
        String problem = ClientTags.problem(tags);
        if (problem == null) return Collections.unmodifiableMap(tags);
        boolean tooLong = ClientTags.size(tags) > ClientTags.MAX_BYTES;
        return refused(c, r, tooLong ? ChatError.TEXT_TOO_LONG : ChatError.BAD_REQUEST, problem);
    }

    private static Map<String, String> refused(Connection c, Request r, ChatError error, String message) {
        c.send(Reply.fail(r.op(), r.rid(), error, message));
        return null;
    }
}
