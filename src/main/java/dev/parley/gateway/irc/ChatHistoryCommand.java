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
import dev.parley.protocol.irc.ChatHistoryWindow;
import dev.parley.protocol.irc.IrcBatches;
import dev.parley.protocol.irc.IrcMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CHATHISTORY onto the rooms' {@code history} request (members only, read backwards by message id). BEFORE a msgid is
 * one request; every other query reads the room's newest messages page by page, at most {@link #MAX_PAGES} pages,
 * until {@link ChatHistoryWindow} can answer. The messages, oldest first, are PRIVMSG lines with this client's tags
 * (time, account, msgid), inside a {@code chathistory} batch when the client has {@code batch}; an empty answer is an
 * empty batch, so the client never waits.
 */
final class ChatHistoryCommand {
    /**
     * Pages read back at most for one query (of CHATHISTORY= messages each: 1,000 by default): a reference further
     * back is answered as unknown. Each page is one history request; the bound keeps a query's cost small.
     */
    static final int MAX_PAGES = 10;

    private final IrcSession s;

    ChatHistoryCommand(IrcSession session) {
        this.s = session;
    }

    // CHATHISTORY LATEST|BEFORE|AFTER|AROUND <channel> <*|msgid=id|timestamp=t> <limit> | BETWEEN <channel> <ref> <ref> <limit>
    void run(IrcMessage m) {
        int page = s.info().isupport().chatHistoryMax();
        ChatHistoryQuery.Outcome outcome = ChatHistoryQuery.parse(m, page, s.numerics());
        if (outcome instanceof ChatHistoryQuery.Refusal refusal) {
            s.send(refusal.reply());
            return;
        }
        ChatHistoryQuery.Query q = (ChatHistoryQuery.Query) outcome;
        if (q.subcommand().equals("BEFORE") && q.ref().byId()) {
            // The rooms service pages back from a message id itself, however old.
            read(q, q.limit(), q.ref().msgid(), r -> answer(q, r, messages(r, q.target())));
        } else {
            scan(q, page, new ArrayList<>(), 1);
        }
    }

    /** Reads one more page before {@code window}'s oldest message, until the window answers the query. */
    private void scan(ChatHistoryQuery.Query q, int page, List<MessageEvent> window, int pages) {
        String before = window.isEmpty() ? null : window.get(0).id();
        read(q, page, before, r -> {
            List<MessageEvent> older = messages(r, q.target());
            List<MessageEvent> all = new ArrayList<>(older.size() + window.size());
            all.addAll(older);
            all.addAll(window);
            boolean complete = !r.fields().path(Fields.MORE).asBoolean() || older.isEmpty() || pages >= MAX_PAGES;
            ChatHistoryWindow.Selection sel = ChatHistoryWindow.select(q, entries(all), complete);
            if (sel instanceof ChatHistoryWindow.Slice slice) answer(q, r, all.subList(slice.from(), slice.to()));
            else scan(q, page, all, pages + 1);
        });
    }

    private void read(ChatHistoryQuery.Query q, int limit, String before, Consumer<Reply> then) {
        ObjectNode f = Json.object().put(Fields.ROOM, q.target()).put(Fields.LIMIT, limit);
        if (before != null) f.put(Fields.BEFORE, before);
        s.request(Ops.HISTORY, f, r -> {
            if (r.ok()) then.accept(r);
            else s.send(failure(q, r));
        });
    }

    private void answer(ChatHistoryQuery.Query q, Reply r, List<MessageEvent> messages) {
        String channel = r.fields().path(Fields.ROOM).asText(q.target());
        List<IrcMessage> lines = new ArrayList<>();
        for (MessageEvent e : messages) lines.addAll(s.info().renderer().lines(e, s.variant()));
        s.send(s.capEnabled(CapNegotiation.BATCH) ? s.batches().wrap(IrcBatches.CHATHISTORY, List.of(channel), lines) : lines);
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

    private static List<MessageEvent> messages(Reply r, String target) {
        String channel = r.fields().path(Fields.ROOM).asText(target);
        List<MessageEvent> out = new ArrayList<>();
        for (JsonNode m : r.fields().path(Fields.MESSAGES)) {
            out.add(new MessageEvent(true, m.path(Fields.ID).asText(null), m.path(Fields.FROM).asText(null),
                    m.path(Fields.NAME).asText(null), null, m.path(Fields.TEXT).asText(""), m.path(Fields.TS).asLong(),
                    false, channel));
        }
        return out;
    }

    private static List<ChatHistoryWindow.Entry> entries(List<MessageEvent> messages) {
        List<ChatHistoryWindow.Entry> out = new ArrayList<>(messages.size());
        for (MessageEvent e : messages) out.add(new ChatHistoryWindow.Entry(e.id() == null ? "" : e.id(), e.ts()));
        return out;
    }
}
