package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.RoomName;
import dev.parley.protocol.Utf16;
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
 * join, part, room, rooms, members, topic, kick, ban, unban, invite, mode, history. The acting user is
 * always the session's; room names are checked here (INVALID_ROOM) and canonicalised by the rooms service.
 * A request without a room means the current room ({@link SessionRooms#current}; the default room for JSON
 * clients).
 */
final class RoomCommands {
    /** Chooses the current room (text clients' plain lines go there). */
    static final String ROOM = "room";
    static final String AFTER = "after";
    static final String BEFORE = "before";
    static final String LIMIT = "limit";
    static final String INVITE_ONLY = "inviteOnly";
    static final String GRANT_OP = "grantOp";
    static final String REVOKE_OP = "revokeOp";
    static final String TOPIC = "topic";
    /** Messages per history reply when the client names no limit. */
    static final int HISTORY_DEFAULT = 50;
    static final int HISTORY_MAX = 200;

    private final GatewayServices services;
    private final int maxTextChars;

    RoomCommands(GatewayServices services) {
        this.services = services;
        this.maxTextChars = services.config().limits().maxTextChars();
    }

    // join <room>
    void join(Connection c, Request r) {
        String room = room(c, r, false);
        if (room == null) return;
        String canonical = RoomName.canonical(room);
        // The default room's events reach everyone already; a room the session is in needs no new registration.
        boolean enters = !c.rooms().isImplicit(canonical) && !c.rooms().contains(canonical);
        Future<Long> ready = Future.succeededFuture(0L);
        if (enters) {
            c.joining(canonical, room);
            ready = c.gateway().rooms().enter(c, canonical);
        }
        ready.compose(v -> services.bus().<JsonObject>request(RoomAddresses.JOIN,
                        new JoinRoomRequest(c.user(), c.name(), room).toJson()))
                .map(m -> JoinRoomReply.fromJson(m.body()))
                .onSuccess(joined -> {
                    if (enters) c.joinedRoom(canonical, joined.room().display(), joined.head());
                    if (c.protocol() == Protocol.TEXT) c.rooms().choose(canonical);
                    c.send(Reply.ok(Ops.JOIN, r.rid(), Json.object().<ObjectNode>set(ROOM, Jackson.of(joined.room().toJson()))
                            .put("created", joined.created())));
                })
                .onFailure(t -> {
                    if (enters) c.gateway().rooms().leave(c, canonical);
                    c.send(Replies.failure(Ops.JOIN, r, t));
                });
    }

    // part [room] [reason]
    void part(Connection c, Request r) {
        String room = room(c, r, true);
        if (room == null) return;
        String canonical = RoomName.canonical(room);
        if (c.rooms().isImplicit(canonical)) {
            c.send(Reply.fail(Ops.PART, r.rid(), ChatError.BAD_REQUEST, "everyone is in " + room + "; it cannot be left"));
            return;
        }
        String reason = optionalText(c, r, Fields.REASON);
        if (reason == NOT_ACCEPTED) return;
        String display = c.rooms().display(canonical, room);
        services.bus().<JsonObject>request(RoomAddresses.PART, new PartRequest(c.user(), room, reason).toJson())
                .onSuccess(m -> {
                    c.gateway().rooms().leave(c, canonical);
                    c.send(Reply.ok(Ops.PART, r.rid(), Json.object().put(ROOM, display)));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.PART, r, t)));
    }

    // room [room]: without one, shows the current room
    void choose(Connection c, Request r) {
        String room = room(c, r, true);
        if (room == null) return;
        String canonical = RoomName.canonical(room);
        if (!c.rooms().contains(canonical)) {
            c.send(Reply.fail(ROOM, r.rid(), ChatError.NOT_IN_ROOM, "you are not in " + room + "; join it first"));
            return;
        }
        c.rooms().choose(canonical);
        c.send(Reply.ok(ROOM, r.rid(), Json.object().put(ROOM, c.rooms().display(canonical, displayOfDefault(canonical, room)))));
    }

    // rooms [after] [limit]
    void rooms(Connection c, Request r) {
        ListRoomsRequest body = new ListRoomsRequest(r.text(AFTER), limit(r, services.config().rooms().listMax(), services.config().rooms().listMax()));
        services.bus().<JsonObject>request(RoomAddresses.LIST, body.toJson())
                .map(m -> RoomListReply.fromJson(m.body()))
                .onSuccess(list -> c.send(Reply.ok(Ops.ROOMS, r.rid(), Jackson.of(list.toJson()))))
                .onFailure(t -> c.send(Replies.failure(Ops.ROOMS, r, t)));
    }

    // members [room] [after] [limit]
    void members(Connection c, Request r) {
        String room = room(c, r, true);
        if (room == null) return;
        MembersRequest body = new MembersRequest(c.user(), room, r.text(AFTER), limit(r, services.config().rooms().listMax(), services.config().rooms().listMax()));
        services.bus().<JsonObject>request(RoomAddresses.MEMBERS, body.toJson())
                .map(m -> MembersReply.fromJson(m.body()))
                .onSuccess(list -> c.send(Reply.ok(Ops.MEMBERS, r.rid(), Jackson.of(list.toJson()))))
                .onFailure(t -> c.send(Replies.failure(Ops.MEMBERS, r, t)));
    }

    // topic [room] [text]
    void topic(Connection c, Request r) {
        String room = room(c, r, true);
        if (room == null) return;
        String text = optionalText(c, r, Fields.TEXT);
        if (text == NOT_ACCEPTED) return;
        services.bus().<JsonObject>request(RoomAddresses.TOPIC, new TopicRequest(c.user(), room, text).toJson())
                .map(m -> TopicReply.fromJson(m.body()))
                .onSuccess(t -> c.send(Reply.ok(Ops.TOPIC, r.rid(), Jackson.of(t.toJson()))))
                .onFailure(t -> c.send(Replies.failure(Ops.TOPIC, r, t)));
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
        String room = room(c, r, true);
        if (room == null) return;
        String target = r.text(Fields.USER);
        if (target == null || target.isEmpty()) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.BAD_REQUEST, "who? \"user\" is required"));
            return;
        }
        String reason = optionalText(c, r, Fields.REASON);
        if (reason == NOT_ACCEPTED) return;
        moderate(c, r, room, target, java.util.List.of(new ModerateRequest(c.user(), room, action, target, reason)));
    }

    // mode <room> [inviteOnly true|false] [grantOp <user>] [revokeOp <user>]
    void mode(Connection c, Request r) {
        String room = room(c, r, true);
        if (room == null) return;
        java.util.List<ModerateRequest> changes = new java.util.ArrayList<>();
        JsonNode inviteOnly = r.fields().get(INVITE_ONLY);
        if (inviteOnly != null && !inviteOnly.isNull()) {
            if (!inviteOnly.isBoolean()) {
                c.send(Reply.fail(Ops.MODE, r.rid(), ChatError.BAD_REQUEST, "\"inviteOnly\" is true or false"));
                return;
            }
            changes.add(new ModerateRequest(c.user(), room, inviteOnly.booleanValue()
                    ? ModerateRequest.Action.INVITE_ONLY : ModerateRequest.Action.OPEN, null, null));
        }
        if (r.text(GRANT_OP) != null) changes.add(new ModerateRequest(c.user(), room, ModerateRequest.Action.OP, r.text(GRANT_OP), null));
        if (r.text(REVOKE_OP) != null) changes.add(new ModerateRequest(c.user(), room, ModerateRequest.Action.DEOP, r.text(REVOKE_OP), null));
        if (changes.isEmpty()) {
            c.send(Reply.fail(Ops.MODE, r.rid(), ChatError.BAD_REQUEST, "which mode? \"inviteOnly\", \"grantOp\" or \"revokeOp\""));
            return;
        }
        moderate(c, r, room, null, changes);
    }

    /** Applies the changes one after the other; the first refusal is the answer. {"room","user"?}. */
    private void moderate(Connection c, Request r, String room, String user, java.util.List<ModerateRequest> changes) {
        Future<?> chain = Future.succeededFuture();
        for (ModerateRequest m : changes) {
            chain = chain.compose(v -> services.bus().request(RoomAddresses.MODERATE, m.toJson()));
        }
        String display = c.rooms().display(RoomName.canonical(room), room);
        ObjectNode reply = Json.object().put(ROOM, display);
        if (user != null) reply.put(Fields.USER, user);
        chain.onSuccess(v -> c.send(Reply.ok(r.op(), r.rid(), reply)))
                .onFailure(t -> c.send(Replies.failure(r.op(), r, t)));
    }

    // history [room] [before] [limit]
    void history(Connection c, Request r) {
        String room = room(c, r, true);
        if (room == null) return;
        int limit = limit(r, HISTORY_DEFAULT, HISTORY_MAX);
        RoomHistoryRequest body = new RoomHistoryRequest(c.user(), room, r.text(BEFORE), limit);
        services.bus().<JsonObject>request(RoomAddresses.HISTORY, body.toJson())
                .map(m -> RoomHistoryReply.fromJson(m.body()))
                .onSuccess(h -> c.send(Reply.ok(Ops.HISTORY, r.rid(), history(h, c.rooms().display(RoomName.canonical(room), room)))))
                .onFailure(t -> c.send(Replies.failure(Ops.HISTORY, r, t)));
    }

    /** {"room","messages":[{kind,id,from,name,text,ts,room}...],"more"}: each message as a message event shows it. */
    private static ObjectNode history(RoomHistoryReply h, String display) {
        ArrayNode messages = Json.object().arrayNode();
        for (StoredMessage s : h.messages()) {
            messages.addObject().put(Fields.KIND, Fields.KIND_GROUP).put(Fields.ID, s.id()).put(Fields.FROM, s.from())
                    .put(Fields.NAME, s.name()).put(Fields.TEXT, s.text()).put(Fields.TS, s.ts()).put(ROOM, display);
        }
        ObjectNode out = Json.object().put(ROOM, display);
        out.set("messages", messages);
        return out.put("more", h.more());
    }

    /**
     * The request's room as typed, or null after replying why not. Absent: the current room when
     * {@code current} allows it (the default room for JSON clients).
     */
    private String room(Connection c, Request r, boolean current) {
        String room = r.text(ROOM);
        if (room == null && current && !r.has(ROOM)) {
            String canonical = c.protocol() == Protocol.TEXT ? c.rooms().current() : c.rooms().defaultRoom();
            return c.rooms().display(canonical, displayOfDefault(canonical, canonical));
        }
        if (!RoomName.valid(room)) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.INVALID_ROOM, ChatError.INVALID_ROOM.defaultMessage));
            return null;
        }
        return room;
    }

    private String displayOfDefault(String canonical, String fallback) {
        return canonical.equals(services.config().defaultRoom()) ? services.config().rooms().defaultRoom() : fallback;
    }

    /** Marks an optional text field that was present but unacceptable (already answered). */
    private static final String NOT_ACCEPTED = new String("not accepted");

    /** An optional text field (null when absent), or {@link #NOT_ACCEPTED} after replying why not. */
    private String optionalText(Connection c, Request r, String field) {
        if (!r.has(field)) return null;
        String text = r.text(field);
        if (text == null || Utf16.hasUnpairedSurrogate(text)) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.BAD_REQUEST, "\"" + field + "\" must be text in valid Unicode"));
            return NOT_ACCEPTED;
        }
        if (text.codePointCount(0, text.length()) > maxTextChars) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.TEXT_TOO_LONG, field + " is limited to " + maxTextChars + " characters"));
            return NOT_ACCEPTED;
        }
        return text;
    }

    /** The request's limit (a number, or digits from a text client), 1 to {@code max}; {@code fallback} when absent. */
    private static int limit(Request r, int fallback, int max) {
        JsonNode n = r.fields().get(LIMIT);
        long v = n == null ? fallback : n.isNumber() ? n.asLong() : n.isTextual() ? parse(n.asText(), fallback) : fallback;
        return (int) Math.max(1, Math.min(max, v));
    }

    private static long parse(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
