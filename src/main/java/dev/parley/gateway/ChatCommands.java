package dev.parley.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.RequestProblem;
import dev.parley.protocol.RoomFields;
import dev.parley.protocol.RoomName;
import dev.parley.protocol.Utf16;
import dev.parley.service.group.SayReply;
import dev.parley.service.mailbox.MailboxAddresses;
import dev.parley.service.mailbox.SendReply;
import dev.parley.service.mailbox.SendRequest;
import dev.parley.service.presence.OnlineListing;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.service.presence.WhoRequest;
import dev.parley.service.room.RoomAddresses;
import dev.parley.service.room.RoomSayRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** who, say (in a room), msg (each with optional client-only tags, relayed live: {@link TagCommands#tags}). The sender is always the session's user, never a field sent by the client. */
final class ChatCommands {
    /** Longest cid: it is stored (dedup window) once per send, so its size is the client's to abuse otherwise. */
    static final int MAX_CID_CHARS = 64;
    /** How long a same-node delivery may take to reach the receiver's socket before it is stored instead (as across nodes). */
    static final long CONFIRM_MILLIS = 3000;

    private final GatewayServices services;
    private final int maxTextChars;

    ChatCommands(GatewayServices services) {
        this.services = services;
        this.maxTextChars = services.config().limits().maxTextChars();
    }

    // who
    void who(Connection c, Request r) {
        services.bus().<JsonObject>request(PresenceAddresses.WHO, new WhoRequest().toJson())
                .map(m -> OnlineListing.fromJson(m.body()))
                .onSuccess(listing -> c.send(Reply.ok(Ops.WHO, r.rid(), Jackson.of(listing.toJson()))))
                .onFailure(t -> c.send(Replies.failure(Ops.WHO, r, t)));
    }

    // say [room] <text>
    void say(Connection c, Request r) {
        String room = sayRoom(c, r);
        if (room == null) return;
        String text = checkedText(c, r);
        if (text == null || !cidAcceptable(c, r)) return;
        Map<String, String> tags = TagCommands.tags(c, r);
        if (tags == null) return;
        String canonical = RoomName.canonical(room);
        // Every room, the default one included, is spoken in through the rooms service (one path, one store step).
        RoomSayRequest body = new RoomSayRequest(c.user(), c.name(), room, text, cid(r), tags);
        Future<SayReply> said = services.bus().<JsonObject>request(RoomAddresses.SAY, body.toJson()).map(m -> SayReply.fromJson(m.body()));
        String display = c.rooms().isDefault(canonical) ? services.config().rooms().defaultRoom() : c.rooms().display(canonical, room);
        said.onSuccess(ok -> {
                    services.metrics().groupIn.increment();
                    c.send(Reply.ok(Ops.SAY, r.rid(), Json.object().put(Fields.ID, ok.id()).put(Fields.TS, ok.ts())
                            .put(Fields.ROOM, display)));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.SAY, r, t)));
    }

    /** The room to speak in as named by the client, else the current room; null after replying INVALID_ROOM. */
    private String sayRoom(Connection c, Request r) {
        String canonical = c.rooms().current();
        String current = c.rooms().isDefault(canonical) ? services.config().rooms().defaultRoom() : c.rooms().display(canonical, canonical);
        try {
            return RoomFields.room(r, current);
        } catch (RequestProblem p) {
            c.send(p.reply(r));
            return null;
        }
    }

    // msg <to> <text>
    void msg(Connection c, Request r) {
        String to = r.text(Fields.TO);
        if (to == null || to.isEmpty()) {
            c.send(Reply.fail(Ops.MSG, r.rid(), ChatError.BAD_REQUEST, "who to? \"to\" is required"));
            return;
        }
        String text = checkedText(c, r);
        if (text == null || !cidAcceptable(c, r)) return;
        Map<String, String> tags = TagCommands.tags(c, r);
        if (tags == null) return;
        String cid = cid(r);
        Connection local = services.sessions().byUser(to);
        if (cid == null && local != null && !local.closed()) {
            sendLocally(c, r, local, text, tags);
            return;
        }
        sendViaMailbox(c, r, SendRequest.of(c.user(), c.name(), to, text, cid, tags));
    }

    /**
     * The receiver is on this node: hand the message to its connection directly (no bus round trip, and no
     * event-loop hop when both connections share a loop). The sender's {@code ok} waits until the bytes were handed to the
     * receiver's socket, as a remote node's "delivered" does: otherwise the {@code ok} (another connection,
     * maybe another event loop) could leave the process first, or sit ahead of bytes a non-reading receiver
     * never takes. Unconfirmed after {@link #CONFIRM_MILLIS}, it is stored under the same id (the receiver
     * may then get it twice). If the receiver left in the meantime, the mailbox path takes over.
     * Retries with a cid always take the mailbox path, which deduplicates.
     */
    private void sendLocally(Connection c, Request r, Connection target, String text, Map<String, String> tags) {
        long ts = System.currentTimeMillis();
        String id = services.node().ids().next(ts);
        EncodedEvent e = new EncodedEvent(new MessageEvent(false, id, c.user(), c.name(), target.user(), text, ts, false, null, tags),
                null, services.node().encoders());
        Once outcome = new Once();   // touched on the sender's loop only
        DelayQueue.Timeout timeout = c.gateway().confirmationTimeout(() -> {
            if (outcome.first()) store(c, r, target.user(), text, id, ts);
        });
        // Inline when both connections share the event loop (one instance): no task queued to reach the receiver.
        target.gateway().runHere(() -> {
            boolean taken = target.deliver(e, () -> c.gateway().runHere(() -> {
                if (!outcome.first()) return;
                timeout.cancel();
                services.metrics().privateIn.increment();
                c.send(Reply.ok(Ops.MSG, r.rid(), sent(new SendReply(id, ts, false), target.user())));
            }));
            if (taken) {
                target.gateway().counted(e, 1);
                return;
            }
            c.gateway().runHere(() -> {
                if (!outcome.first()) return;
                timeout.cancel();
                sendViaMailbox(c, r, SendRequest.of(c.user(), c.name(), target.user(), text, null, tags));
            });
        });
    }

    /** Stores a same-node message whose delivery was not confirmed, under the id it was delivered with. */
    private void store(Connection c, Request r, String to, String text, String id, long ts) {
        sendViaMailbox(c, r, SendRequest.storeOnly(c.user(), c.name(), to, text, id, ts));
    }

    private void sendViaMailbox(Connection c, Request r, SendRequest body) {
        services.bus().<JsonObject>request(MailboxAddresses.SEND, body.toJson())
                .map(m -> SendReply.fromJson(m.body()))
                .onSuccess(sent -> {
                    services.metrics().privateIn.increment();
                    if (sent.stored()) services.metrics().mailboxStored.increment();
                    c.send(Reply.ok(Ops.MSG, r.rid(), sent(sent, body.to())));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.MSG, r, t)));
    }

    /** The msg reply's fields: {"id","ts","stored","to"}. */
    private static ObjectNode sent(SendReply s, String to) {
        return Json.object().put(Fields.ID, s.id()).put(Fields.TS, s.ts()).put(Fields.STORED, s.stored()).put(Fields.TO, to);
    }

    /** The request's text, or null after replying with the reason it is unacceptable. */
    private String checkedText(Connection c, Request r) {
        String text = r.text(Fields.TEXT);
        if (text == null || text.isBlank()) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.BAD_REQUEST, "\"text\" is required"));
            return null;
        }
        // A JSON escape such as "\ud800" yields half a character: it cannot be stored or shown as UTF-8.
        if (Utf16.hasUnpairedSurrogate(text)) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.BAD_REQUEST, "\"text\" is not valid Unicode (unpaired surrogate)"));
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxTextChars) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.TEXT_TOO_LONG, "text is limited to " + maxTextChars + " characters"));
            return null;
        }
        return text;
    }

    /** False after replying BAD_REQUEST when the cid is too long or not valid Unicode. */
    private static boolean cidAcceptable(Connection c, Request r) {
        String cid = cid(r);
        if (cid == null || (cid.length() <= MAX_CID_CHARS && !cid.isEmpty() && !Utf16.hasUnpairedSurrogate(cid))) {
            return true;
        }
        c.send(Reply.fail(r.op(), r.rid(), ChatError.BAD_REQUEST,
                "\"cid\" must be 1-" + MAX_CID_CHARS + " characters of valid Unicode"));
        return false;
    }

    private static String cid(Request r) {
        var node = r.fields().get(Fields.CID);
        if (node == null || node.isNull()) return null;
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }
}
