package dev.parley.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.MessageJson;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.RequestProblem;
import dev.parley.protocol.RoomFields;
import dev.parley.protocol.RoomName;
import dev.parley.service.room.JoinRoomReply;
import dev.parley.service.room.JoinRoomRequest;
import dev.parley.service.room.ListRoomsRequest;
import dev.parley.service.room.MembersReply;
import dev.parley.service.room.MembersRequest;
import dev.parley.service.room.ModerateRequest;
import dev.parley.service.room.PartRequest;
import dev.parley.service.room.RoomAddresses;
import dev.parley.service.room.RoomHistoryReply;
import dev.parley.service.room.RoomHistoryRequest;
import dev.parley.service.room.RoomListReply;
import dev.parley.service.room.TopicReply;
import dev.parley.service.room.TopicRequest;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * join, part, room, rooms, members, topic, kick, ban, unban, invite, mode, history. The acting user is always
 * the session's; fields are read by {@link RoomFields} (a problem is answered with its code, e.g. INVALID_ROOM);
 * room names are canonicalised by the rooms service. Where the room is optional, the current room is meant
 * ({@link SessionRooms#current}: the default room until the connection chooses another).
 */
final class RoomCommands {
    /** Messages per history reply when the client names no limit, and the most it may ask for. */
    static final int HISTORY_DEFAULT = 50;
    static final int HISTORY_MAX = 200;

    /** A handler once the request's fields were read; a {@link RequestProblem} is answered for it. */
    private interface Checked {
        void run() throws RequestProblem;
    }

    private final GatewayServices services;
    private final int maxTextChars;
    private final GapFill gaps;

    RoomCommands(GatewayServices services) {
        this.services = services;
        this.gaps = new GapFill(services);
        this.maxTextChars = services.config().limits().maxTextChars();
    }

    private static void checked(Connection c, Request r, Checked handler) {
        try {
            handler.run();
        } catch (RequestProblem p) {
            c.send(p.reply(r));
        }
    }

    // join <room>
    void join(Connection c, Request r) {
        checked(c, r, () -> join(c, r, RoomFields.room(r, null)));
    }

    private void join(Connection c, Request r, String room) {
        String canonical = RoomName.canonical(room);
        // The implicit default room reaches everyone already; a room the session is in needs no new registration.
        boolean enters = !c.rooms().isImplicit(canonical) && !c.rooms().contains(canonical);
        Future<Long> ready = Future.succeededFuture(0L);
        if (enters) {
            c.joining(canonical, room);
            // Registered (awaited) before the join: the reply's head is then where live starts.
            ready = c.gateway().rooms().enter(c, canonical);
        }
        long[] readyAt = {0};
        ready.compose(at -> {
                    readyAt[0] = at;
                    return services.bus().<JsonObject>request(RoomAddresses.JOIN,
                            new JoinRoomRequest(c.user(), c.name(), room).toJson());
                })
                .map(m -> JoinRoomReply.fromJson(m.body()))
                .onSuccess(joined -> {
                    if (enters) {
                        // A new consumer: other nodes may not route the room here yet (see GapFill). Opened first, so
                        // the events that waited for the join count as delivered live.
                        gaps.entered(c, canonical, joined.head(), readyAt[0]);
                        c.joinedRoom(canonical, joined.room().display(), joined.head());
                    }
                    if (c.protocol() == Protocol.TEXT) c.rooms().choose(canonical);
                    c.send(Reply.ok(Ops.JOIN, r.rid(), Json.object().<ObjectNode>set(Fields.ROOM, Jackson.of(joined.room().toJson()))
                            .put(Fields.CREATED, joined.created())));
                })
                .onFailure(t -> {
                    if (enters) c.gateway().rooms().leave(c, canonical);
                    c.send(Replies.failure(Ops.JOIN, r, t));
                });
    }

    // part [room] [reason]
    void part(Connection c, Request r) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, current(c));
            String reason = RoomFields.optionalText(r, Fields.REASON, maxTextChars);
            String canonical = RoomName.canonical(room);
            if (c.rooms().isImplicit(canonical)) {
                throw new RequestProblem(ChatError.BAD_REQUEST, "everyone is in " + display(c, canonical, room) + "; it cannot be left");
            }
            String display = display(c, canonical, room);
            services.bus().<JsonObject>request(RoomAddresses.PART, new PartRequest(c.user(), room, reason).toJson())
                    .onSuccess(m -> {
                        c.gateway().rooms().leave(c, canonical);
                        c.send(Reply.ok(Ops.PART, r.rid(), Json.object().put(Fields.ROOM, display)));
                    })
                    .onFailure(t -> c.send(Replies.failure(Ops.PART, r, t)));
        });
    }

    // room [room]: chooses the current room; without one, shows it
    void choose(Connection c, Request r) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, current(c));
            String canonical = RoomName.canonical(room);
            if (!c.rooms().contains(canonical)) {
                throw new RequestProblem(ChatError.NOT_IN_ROOM, "you are not in " + room + "; join it first");
            }
            c.rooms().choose(canonical);
            c.send(Reply.ok(Ops.ROOM, r.rid(), Json.object().put(Fields.ROOM, display(c, canonical, room))));
        });
    }

    // rooms [after] [limit]
    void rooms(Connection c, Request r) {
        checked(c, r, () -> {
            ListRoomsRequest body = new ListRoomsRequest(RoomFields.cursor(r, Fields.AFTER), listLimit(r));
            services.bus().<JsonObject>request(RoomAddresses.LIST, body.toJson())
                    .map(m -> RoomListReply.fromJson(m.body()))
                    .onSuccess(list -> c.send(Reply.ok(Ops.ROOMS, r.rid(), Jackson.of(list.toJson()))))
                    .onFailure(t -> c.send(Replies.failure(Ops.ROOMS, r, t)));
        });
    }

    // members [room] [after] [limit]
    void members(Connection c, Request r) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, current(c));
            MembersRequest body = new MembersRequest(c.user(), room, RoomFields.cursor(r, Fields.AFTER), listLimit(r));
            String display = display(c, RoomName.canonical(room), room);
            services.bus().<JsonObject>request(RoomAddresses.MEMBERS, body.toJson())
                    .map(m -> MembersReply.fromJson(m.body()))
                    .onSuccess(list -> c.send(Reply.ok(Ops.MEMBERS, r.rid(), Jackson.of(list.toJson().put(Fields.ROOM, display)))))
                    .onFailure(t -> c.send(Replies.failure(Ops.MEMBERS, r, t)));
        });
    }

    // topic [room] [text]: without text, reads the topic
    void topic(Connection c, Request r) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, current(c));
            String text = RoomFields.optionalText(r, Fields.TEXT, maxTextChars);
            services.bus().<JsonObject>request(RoomAddresses.TOPIC, new TopicRequest(c.user(), room, text).toJson())
                    .map(m -> TopicReply.fromJson(m.body()))
                    .onSuccess(t -> c.send(Reply.ok(Ops.TOPIC, r.rid(), Jackson.of(t.toJson()))))
                    .onFailure(t -> c.send(Replies.failure(Ops.TOPIC, r, t)));
        });
    }

    // kick <room> <user> [reason]
    void kick(Connection c, Request r) {
        moderateUser(c, r, ModerateRequest.Action.KICK);
    }

    // ban <room> <user>
    void ban(Connection c, Request r) {
        moderateUser(c, r, ModerateRequest.Action.BAN);
    }

    // unban <room> <user>
    void unban(Connection c, Request r) {
        moderateUser(c, r, ModerateRequest.Action.UNBAN);
    }

    // invite <room> <user>
    void invite(Connection c, Request r) {
        moderateUser(c, r, ModerateRequest.Action.INVITE);
    }

    private void moderateUser(Connection c, Request r, ModerateRequest.Action action) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, null);
            String target = RoomFields.user(r);
            String reason = RoomFields.optionalText(r, Fields.REASON, maxTextChars);
            moderate(c, r, room, target, new ModerateRequest(c.user(), room, action, target, reason));
        });
    }

    // mode <room> inviteOnly true|false | grantOp <user> | revokeOp <user>: one change per request
    void mode(Connection c, Request r) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, null);
            RoomFields.ModeChange change = RoomFields.mode(r);
            ModerateRequest.Action action = switch (change.kind()) {
                case INVITE_ONLY -> ModerateRequest.Action.INVITE_ONLY;
                case OPEN -> ModerateRequest.Action.OPEN;
                case GRANT_OP -> ModerateRequest.Action.OP;
                case REVOKE_OP -> ModerateRequest.Action.DEOP;
            };
            moderate(c, r, room, change.user(), new ModerateRequest(c.user(), room, action, change.user(), null));
        });
    }

    /** {"room","user"?}: the room as shown, and the user acted on (text clients name them). */
    private void moderate(Connection c, Request r, String room, String user, ModerateRequest body) {
        ObjectNode reply = Json.object().put(Fields.ROOM, display(c, RoomName.canonical(room), room));
        if (user != null) reply.put(Fields.USER, user);
        services.bus().request(RoomAddresses.MODERATE, body.toJson())
                .onSuccess(v -> c.send(Reply.ok(r.op(), r.rid(), reply)))
                .onFailure(t -> c.send(Replies.failure(r.op(), r, t)));
    }

    // history [room] [before] [limit]
    void history(Connection c, Request r) {
        checked(c, r, () -> {
            String room = RoomFields.room(r, current(c));
            int limit = Math.min(RoomFields.limit(r, HISTORY_DEFAULT, Integer.MAX_VALUE), HISTORY_MAX);
            RoomHistoryRequest body = new RoomHistoryRequest(c.user(), room, RoomFields.cursor(r, Fields.BEFORE), limit);
            String display = display(c, RoomName.canonical(room), room);
            services.bus().<JsonObject>request(RoomAddresses.HISTORY, body.toJson())
                    .map(m -> RoomHistoryReply.fromJson(m.body()))
                    .onSuccess(h -> c.send(Reply.ok(Ops.HISTORY, r.rid(), history(h, display))))
                    .onFailure(t -> c.send(Replies.failure(Ops.HISTORY, r, t)));
        });
    }

    /** {"room","messages":[message...],"more"}: each message in the form of a message event. */
    private static ObjectNode history(RoomHistoryReply h, String display) {
        ObjectNode out = Json.object().put(Fields.ROOM, display);
        ArrayNode messages = out.putArray(Fields.MESSAGES);
        for (StoredMessage s : h.messages()) {
            messages.add(MessageJson.node(new MessageEvent(true, s.id(), s.from(), s.name(), null, s.text(), s.ts(), false, display)));
        }
        return out.put(Fields.MORE, h.more());
    }

    /** A page size: the client's, capped by rooms.listMax (which is also the default). */
    private int listLimit(Request r) throws RequestProblem {
        int max = services.config().rooms().listMax();
        return Math.min(RoomFields.limit(r, max, Integer.MAX_VALUE), max);
    }

    /** The connection's current room as shown (the room a request without one means). */
    private String current(Connection c) {
        String canonical = c.rooms().current();
        return display(c, canonical, canonical);
    }

    /** How {@code canonical} is shown to this session: as it knows the room, else {@code typed}. */
    private String display(Connection c, String canonical, String typed) {
        if (c.rooms().isDefault(canonical)) return services.config().rooms().defaultRoom();
        return c.rooms().display(canonical, typed);
    }
}
