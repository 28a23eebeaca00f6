package dev.parley.gateway;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.service.group.GroupAddresses;
import dev.parley.service.mailbox.MailboxAddresses;
import dev.parley.service.presence.PresenceAddresses;
import io.vertx.core.json.JsonObject;

/** who, say, msg. The sender is always the session's user, never a field sent by the client. */
final class ChatCommands {
    private final GatewayServices services;
    private final int maxTextChars;

    ChatCommands(GatewayServices services) {
        this.services = services;
        this.maxTextChars = services.config().limits().maxTextChars();
    }

    // who
    void who(Connection c, Request r) {
        services.bus().<JsonObject>request(PresenceAddresses.WHO, new JsonObject())
                .onSuccess(m -> c.send(Reply.ok("who", r.rid(), Jackson.of(m.body()))))
                .onFailure(t -> c.send(AccountCommands.Replies.failure("who", r, t)));
    }

    // say <text>
    void say(Connection c, Request r) {
        String text = checkedText(c, r);
        if (text == null) return;
        JsonObject body = new JsonObject().put("from", c.user()).put("name", c.name()).put("text", text);
        String cid = cid(r);
        if (cid != null) body.put("cid", cid);
        services.bus().<JsonObject>request(GroupAddresses.SAY, body)
                .onSuccess(m -> {
                    services.metrics().groupIn.increment();
                    c.send(Reply.ok("say", r.rid(), Jackson.of(m.body())));
                })
                .onFailure(t -> c.send(AccountCommands.Replies.failure("say", r, t)));
    }

    // msg <to> <text>
    void msg(Connection c, Request r) {
        String to = r.text("to");
        if (to == null || to.isEmpty()) {
            c.send(Reply.fail("msg", r.rid(), ChatError.BAD_REQUEST, "who to? \"to\" is required"));
            return;
        }
        String text = checkedText(c, r);
        if (text == null) return;
        JsonObject body = new JsonObject().put("from", c.user()).put("name", c.name()).put("to", to).put("text", text);
        String cid = cid(r);
        if (cid != null) body.put("cid", cid);
        services.bus().<JsonObject>request(MailboxAddresses.SEND, body)
                .onSuccess(m -> {
                    services.metrics().privateIn.increment();
                    if (m.body().getBoolean("stored", false)) services.metrics().mailboxStored.increment();
                    c.send(Reply.ok("msg", r.rid(), Jackson.of(m.body().put("to", to))));
                })
                .onFailure(t -> c.send(AccountCommands.Replies.failure("msg", r, t)));
    }

    /** The request's text, or null after replying with the reason it is unacceptable. */
    private String checkedText(Connection c, Request r) {
        String text = r.text("text");
        if (text == null || text.isBlank()) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.BAD_REQUEST, "\"text\" is required"));
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxTextChars) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.TEXT_TOO_LONG, "text is limited to " + maxTextChars + " characters"));
            return null;
        }
        return text;
    }

    private static String cid(Request r) {
        var node = r.fields().get("cid");
        if (node == null || node.isNull()) return null;
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }
}
