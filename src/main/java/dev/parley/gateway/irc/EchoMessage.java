package dev.parley.gateway.irc;

import dev.parley.protocol.Fields;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.TagEvent;
import dev.parley.protocol.irc.IrcMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * echo-message: the sender's own PRIVMSG/NOTICE, sent back once Parley accepted it, as its readers see it: with the
 * message's id ({@code msgid}) and time from the say/msg reply, so the client shows the server's copy. Also for a
 * private message stored for an offline user (accepted all the same). A TAGMSG is echoed the same way, to a sender
 * with message-tags only (as to any reader).
 */
final class EchoMessage {
    private EchoMessage() {
    }

    /**
     * @param command PRIVMSG or NOTICE, as the client sent it
     * @param target  the channel or nick as typed (the room's display name from the reply wins)
     */
    static List<IrcMessage> lines(IrcSession s, String command, String target, boolean channel, String text,
                                  Map<String, String> tags, Reply accepted) {
        String shownTarget = channel ? accepted.fields().path(Fields.ROOM).asText(target) : target;
        String id = accepted.fields().path(Fields.ID).asText(null);
        long ts = accepted.fields().path(Fields.TS).asLong(System.currentTimeMillis());
        MessageEvent e = new MessageEvent(channel, id, s.client(), null, channel ? null : shownTarget, text, ts, false,
                channel ? shownTarget : null, tags);
        List<IrcMessage> lines = s.info().renderer().lines(e, s.variant());
        if (lines == null || command.equals("PRIVMSG")) return lines == null ? List.of() : lines;
        List<IrcMessage> notices = new ArrayList<>(lines.size());
        for (IrcMessage m : lines) notices.add(new IrcMessage(m.tags(), m.source(), command, m.params()));
        return notices;
    }

    /** The sender's TAGMSG as its readers see it, with the tagmsg reply's id and time; nothing without message-tags. */
    static List<IrcMessage> tagmsg(IrcSession s, String target, boolean channel, Map<String, String> tags, Reply accepted) {
        String shownTarget = channel ? accepted.fields().path(Fields.ROOM).asText(target) : target;
        TagEvent e = new TagEvent(channel, accepted.fields().path(Fields.ID).asText(null), s.client(), null,
                channel ? null : shownTarget, channel ? shownTarget : null, tags,
                accepted.fields().path(Fields.TS).asLong(System.currentTimeMillis()));
        List<IrcMessage> lines = s.info().renderer().lines(e, s.variant());
        return lines == null ? List.of() : lines;
    }
}
