package dev.parley.gateway.irc;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.RoomNotice;
import dev.parley.protocol.irc.IrcMessage;
import dev.parley.protocol.irc.IrcTags;
import dev.parley.protocol.irc.IrcTextSplitter;
import dev.parley.protocol.irc.IrcWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Parley's events as IRC lines, for every recipient alike (nothing here depends on who reads it), so a shared
 * event is rendered once per variant: with or without the {@code time} tag (server-time). Messages carry their
 * original time, so missed and stored ones show when they were sent.
 */
public final class IrcEventRenderer {
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
    public byte[] render(Outbound out, boolean serverTime) {
        List<IrcMessage> lines = lines(out, serverTime);
        if (lines == null || lines.isEmpty()) return null;
        return write(lines);
    }

    public static byte[] write(List<IrcMessage> lines) {
        if (lines.size() == 1) return IrcWriter.write(lines.get(0));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (IrcMessage m : lines) b.writeBytes(IrcWriter.write(m));
        return b.toByteArray();
    }

    List<IrcMessage> lines(Outbound out, boolean serverTime) {
        if (out instanceof MessageEvent m) {
            String target = m.group() ? (m.room() == null ? defaultChannel : m.room()) : m.to();
            if (target == null || m.from() == null) return null;
            IrcMessage line = IrcMessage.from(mask(m.from()), "PRIVMSG", target, m.text() == null ? "" : m.text());
            if (serverTime) line = line.withTags(Map.of(IrcTags.TIME, IrcTags.serverTime(m.ts())));
            return IrcTextSplitter.split(line);
        }
        if (out instanceof RoomNotice n) return List.of(roomLine(n, serverTime));
        if (out instanceof PresenceEvent p) {
            // IRC has no "came online"; going offline is a QUIT, which clients show in the channels they share.
            return p.online() ? null : List.of(IrcMessage.from(mask(p.user()), "QUIT", "Quit: offline"));
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

    private IrcMessage roomLine(RoomNotice n, boolean serverTime) {
        IrcMessage line = switch (n.kind()) {
            case Ops.JOINED -> IrcMessage.from(mask(n.user()), "JOIN", n.room());
            case Ops.PARTED -> n.text() == null || n.text().isEmpty()
                    ? IrcMessage.from(mask(n.user()), "PART", n.room())
                    : IrcMessage.from(mask(n.user()), "PART", n.room(), n.text());
            case Ops.KICKED -> IrcMessage.from(mask(n.by() == null ? n.user() : n.by()), "KICK", n.room(), n.user(),
                    n.text() == null || n.text().isEmpty() ? n.user() : n.text());
            case Ops.TOPIC -> IrcMessage.from(n.by() == null ? server : mask(n.by()), "TOPIC", n.room(), n.text() == null ? "" : n.text());
            case Ops.INVITED -> IrcMessage.from(n.by() == null ? server : mask(n.by()), "INVITE",
                    n.user() == null ? "*" : n.user(), n.room());
            default -> IrcMessage.from(server, "NOTICE", n.room(), n.kind());
        };
        if (serverTime && n.ts() > 0) line = line.withTags(Map.of(IrcTags.TIME, IrcTags.serverTime(n.ts())));
        return line;
    }
}
