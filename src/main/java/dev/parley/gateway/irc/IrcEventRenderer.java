package dev.parley.gateway.irc;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.RoomNotice;
import dev.parley.protocol.TagEvent;
import dev.parley.protocol.irc.IrcMessage;
import dev.parley.protocol.irc.IrcTags;
import dev.parley.protocol.irc.IrcTextSplitter;
import dev.parley.protocol.irc.IrcWriter;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parley's events as IRC lines, for every recipient alike (nothing here depends on who reads it), so a shared
 * event is rendered once per variant: the combination of server-time, account-tag, message-tags (msgid),
 * extended-join and away-notify the reader enabled. Messages carry their original time, so missed and stored ones show when
 * they were sent.
 */
public final class IrcEventRenderer {
    /** Variant bits: which of the capabilities that change how events look a client has enabled. */
    public static final int SERVER_TIME = 1;
    public static final int ACCOUNT_TAG = 2;
    public static final int MESSAGE_TAGS = 4;
    public static final int EXTENDED_JOIN = 8;
    /** Away changes of co-members are shown ({@code AWAY}) only to readers with away-notify. */
    public static final int AWAY_NOTIFY = 16;
    /** Number of variants (every combination of the bits). */
    public static final int VARIANTS = 32;

    private final String server;
    private final String host;
    /** Channel shown for a room message without a room (the default room's old form). */
    private final String defaultChannel;

    public IrcEventRenderer(String server, String host, String defaultChannel) {
        this.server = server;
        this.host = host;
        this.defaultChannel = defaultChannel;
    }

    public String server() {
        return server;
    }

    public String host() {
        return host;
    }

    /** {@code nick!nick@host}: accounts are nicks and no client address is shown (docs/irc.md). */
    public String mask(String nick) {
        return nick + "!" + nick + "@" + host;
    }

    /** The lines for an event, or null when IRC shows nothing for it. */
    public byte[] render(Outbound out, int variant) {
        List<IrcMessage> lines = lines(out, variant);
        if (lines == null || lines.isEmpty()) return null;
        return write(lines);
    }

    public static byte[] write(List<IrcMessage> lines) {
        if (lines.size() == 1) return IrcWriter.write(lines.get(0));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (IrcMessage m : lines) b.writeBytes(IrcWriter.write(m));
        return b.toByteArray();
    }

    List<IrcMessage> lines(Outbound out, int variant) {
        if (out instanceof MessageEvent m) {
            String target = m.group() ? (m.room() == null ? defaultChannel : m.room()) : m.to();
            if (target == null || m.from() == null) return null;
            IrcMessage line = IrcMessage.from(mask(m.from()), "PRIVMSG", target, m.text() == null ? "" : m.text());
            Map<String, String> tags = new LinkedHashMap<>();
            if ((variant & SERVER_TIME) != 0) tags.put(IrcTags.TIME, IrcTags.serverTime(m.ts()));
            if ((variant & ACCOUNT_TAG) != 0) tags.put(IrcTags.ACCOUNT, m.from());
            // One msgid per message: every piece of a split message carries it (clients see one message id).
            if ((variant & MESSAGE_TAGS) != 0 && m.id() != null && !m.id().isEmpty()) tags.put(IrcTags.MSGID, m.id());
            // Client-only tags (+draft/reply...) are message-tags: only readers who negotiated it get them.
            if ((variant & MESSAGE_TAGS) != 0) tags.putAll(m.tags());
            if (!tags.isEmpty()) line = line.withTags(tags);
            return IrcTextSplitter.split(line);
        }
        if (out instanceof TagEvent t) return tagLines(t, variant);
        if (out instanceof RoomNotice n) return List.of(roomLine(n, variant));
        if (out instanceof PresenceEvent p) {
            if (p.awayChange()) return awayLines(p, variant);
            // Coming online is JOINs in the channels a reader shares (rendered per reader: Connection, IrcPresenceJoins);
            // going offline is a QUIT, which clients show in the channels they list the nick in.
            if (p.online()) return null;
            // A server-made reason has no "Quit:" prefix (that marks the user's own message), as with "Ping timeout".
            return List.of(IrcMessage.from(mask(p.user()), "QUIT",
                    PresenceEvent.NODE_LOST.equals(p.reason()) ? "Server node lost" : "Quit: offline"));
        }
        if (out instanceof NoticeEvent n) return IrcTextSplitter.split(IrcMessage.from(server, "NOTICE", "*", n.message()));
        if (out instanceof ByeEvent b) {
            return List.of(IrcMessage.of("ERROR", "Closing link: " + (b.message() == null ? b.reason().name() : b.message())
                    + " (" + b.reason().name() + ")"));
        }
        if (out instanceof Reply r) {
            // A reply no IRC command waited for (e.g. a refusal before the command ran): shown as a notice.
            if (r.ok()) return null;
            return List.of(IrcMessage.from(server, "NOTICE", "*", (r.error() == null ? "" : r.error().name() + ": ") + r.message()));
        }
        return null;
    }

    /**
     * TAGMSG: {@code @time;account;msgid;+tags :nick!u@h TAGMSG <channel|nick>}, only for readers with message-tags
     * (the spec: never delivered to clients that have not negotiated it).
     */
    private List<IrcMessage> tagLines(TagEvent t, int variant) {
        if ((variant & MESSAGE_TAGS) == 0) return null;
        String target = t.group() ? t.room() : t.to();
        if (target == null || t.from() == null) return null;
        Map<String, String> tags = new LinkedHashMap<>();
        if ((variant & SERVER_TIME) != 0) tags.put(IrcTags.TIME, IrcTags.serverTime(t.ts()));
        if ((variant & ACCOUNT_TAG) != 0) tags.put(IrcTags.ACCOUNT, t.from());
        if (t.id() != null && !t.id().isEmpty()) tags.put(IrcTags.MSGID, t.id());
        tags.putAll(t.tags());
        return List.of(IrcMessage.from(mask(t.from()), "TAGMSG", target).withTags(tags));
    }

    /** away-notify: {@code :nick!u@h AWAY :text}, or {@code AWAY} alone when back; nothing without the capability. */
    private List<IrcMessage> awayLines(PresenceEvent p, int variant) {
        if ((variant & AWAY_NOTIFY) == 0) return null;
        IrcMessage line = p.away().back() ? IrcMessage.from(mask(p.user()), "AWAY")
                : IrcMessage.from(mask(p.user()), "AWAY", p.away().text());
        if ((variant & ACCOUNT_TAG) != 0) line = line.withTags(Map.of(IrcTags.ACCOUNT, p.user()));
        return List.of(line);
    }

    /** The JOIN line of {@code nick}: with extended-join, {@code JOIN #room account :realname}. */
    public IrcMessage join(String nick, String name, String channel, int variant) {
        return (variant & EXTENDED_JOIN) != 0
                ? IrcMessage.from(mask(nick), "JOIN", channel, nick, name == null || name.isEmpty() ? nick : name)
                : IrcMessage.from(mask(nick), "JOIN", channel);
    }

    private IrcMessage roomLine(RoomNotice n, int variant) {
        IrcMessage line = switch (n.kind()) {
            case Ops.JOINED -> join(n.user(), n.name(), n.room(), variant);
            case Ops.PARTED -> n.text() == null || n.text().isEmpty()
                    ? IrcMessage.from(mask(n.user()), "PART", n.room())
                    : IrcMessage.from(mask(n.user()), "PART", n.room(), n.text());
            case Ops.KICKED -> IrcMessage.from(mask(n.by() == null ? n.user() : n.by()), "KICK", n.room(), n.user(),
                    n.text() == null || n.text().isEmpty() ? n.user() : n.text());
            case Ops.TOPIC -> IrcMessage.from(n.by() == null ? server : mask(n.by()), "TOPIC", n.room(), n.text() == null ? "" : n.text());
            case Ops.INVITED -> IrcMessage.from(n.by() == null ? server : mask(n.by()), "INVITE",
                    n.user() == null ? "*" : n.user(), n.room());
            case Ops.MODE -> ChannelModeLines.change(n.by() == null ? server : mask(n.by()), n.room(),
                    n.text() == null ? "+" : n.text(), n.user());
            default -> IrcMessage.from(server, "NOTICE", n.room(), n.kind());
        };
        if ((variant & SERVER_TIME) != 0 && n.ts() > 0) line = line.withTags(Map.of(IrcTags.TIME, IrcTags.serverTime(n.ts())));
        return line;
    }
}
