package dev.parley.gateway.irc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.irc.CapNegotiation;
import dev.parley.protocol.irc.ChatHistoryQuery;
import dev.parley.protocol.irc.IrcBatches;
import dev.parley.protocol.irc.IrcMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * CHATHISTORY onto the rooms' {@code history} request (members only, paged backwards by message id): the messages,
 * oldest first, as PRIVMSG lines with this client's tags (time, account, msgid), inside a {@code chathistory} batch
 * when the client has {@code batch}. An empty answer is an empty batch, so the client never waits.
 */
final class ChatHistoryCommand {
    private final IrcSession s;

    ChatHistoryCommand(IrcSession session) {
        this.s = session;
    }

    // CHATHISTORY LATEST <channel> <* | msgid=<id>> <limit> | CHATHISTORY BEFORE <channel> msgid=<id> <limit>
    void run(IrcMessage m) {
        ChatHistoryQuery.Outcome outcome = ChatHistoryQuery.parse(m, s.info().isupport().chatHistoryMax(), s.numerics());
        if (outcome instanceof ChatHistoryQuery.Refusal refusal) {
            s.send(refusal.reply());
            return;
        }
        ChatHistoryQuery.Query q = (ChatHistoryQuery.Query) outcome;
        ObjectNode f = Json.object().put(Fields.ROOM, q.target()).put(Fields.LIMIT, q.limit());
        if (q.before() != null) f.put(Fields.BEFORE, q.before());
        s.request(Ops.HISTORY, f, r -> {
            if (!r.ok()) {
                s.send(failure(q, r));
                return;
            }
            String channel = r.fields().path(Fields.ROOM).asText(q.target());
            List<IrcMessage> lines = new ArrayList<>();
            for (MessageEvent e : newerThan(messages(r, channel), q.after())) {
                lines.addAll(s.info().renderer().lines(e, s.variant()));
            }
            s.send(s.capEnabled(CapNegotiation.BATCH) ? s.batches().wrap(IrcBatches.CHATHISTORY, List.of(channel), lines) : lines);
        });
    }

    /** Unknown room and not a member are the same answer: the spec forbids telling which targets exist. */
    private IrcMessage failure(ChatHistoryQuery.Query q, Reply r) {
        ChatError e = r.error();
        if (e == ChatError.NO_SUCH_ROOM || e == ChatError.NOT_IN_ROOM || e == ChatError.INVALID_ROOM) {
            return s.numerics().fail(ChatHistoryQuery.COMMAND, "INVALID_TARGET", "No history you may read there",
                    q.subcommand(), q.target());
        }
        return s.numerics().fail(ChatHistoryQuery.COMMAND, "MESSAGE_ERROR",
                "History is not available now" + (e == null ? "" : " (" + e.name() + ")"), q.subcommand(), q.target());
    }

    private static List<MessageEvent> messages(Reply r, String channel) {
        List<MessageEvent> out = new ArrayList<>();
        for (JsonNode m : r.fields().path(Fields.MESSAGES)) {
            out.add(new MessageEvent(true, m.path(Fields.ID).asText(null), m.path(Fields.FROM).asText(null),
                    m.path(Fields.NAME).asText(null), null, m.path(Fields.TEXT).asText(""), m.path(Fields.TS).asLong(),
                    false, channel));
        }
        return out;
    }

    /**
     * LATEST msgid=id: the newest messages after {@code id}. When {@code id} is not among them, it is older than all of
     * them (or no longer kept), so all of them are newer.
     */
    private static List<MessageEvent> newerThan(List<MessageEvent> newest, String id) {
        if (id == null) return newest;
        for (int i = newest.size() - 1; i >= 0; i--) {
            if (id.equals(newest.get(i).id())) return newest.subList(i + 1, newest.size());
        }
        return newest;
    }
}
