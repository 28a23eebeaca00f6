package dev.parley.gateway;

import dev.parley.gateway.irc.IrcEventRenderer;
import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.TextLineEncoder;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedMessage;
import dev.parley.protocol.seed.SeedTranslator;

import java.time.ZoneId;

/** Encodes outbound frames for each protocol. */
final class Encoders {
    private static final byte[] NOTHING = new byte[0];
    private final TextLineEncoder text;
    private final SeedTranslator seed = new SeedTranslator(ZoneId.systemDefault());
    private final IrcEventRenderer irc;

    /** Labels every room message's text line with its room. */
    Encoders() {
        this(null);
    }

    /** @param defaultRoom rooms.default: its text lines look as they did before rooms (no room shown) */
    Encoders(String defaultRoom) {
        this.text = new TextLineEncoder(ZoneId.systemDefault(), defaultRoom);
        this.irc = new IrcEventRenderer(IRC_SERVER, IRC_SERVER, defaultRoom == null ? "#lobby" : defaultRoom);
    }

    /** The IRC server name (source of numerics) and the host part of every user's mask: the cluster is one server. */
    static final String IRC_SERVER = "parley";

    IrcEventRenderer irc() {
        return irc;
    }

    /** IRC lines for an event in a variant of {@link IrcEventRenderer} (which tags, which JOIN form). */
    byte[] encodeIrc(Outbound out, int variant) {
        return irc.render(out, variant);
    }

    /** The frame bytes, or null (text) / empty (seed) when the protocol shows nothing for it. */
    byte[] encode(Protocol protocol, Outbound out) {
        switch (protocol) {
            case JSON:
                return JsonLineEncoder.encode(out);
            case TEXT:
                return text.encode(out);
            case IRC:
                return irc.render(out, 0);
            default: {
                SeedMessage m = seed.fromOutbound(out);
                return m == null ? NOTHING : SeedCodec.encode(m);
            }
        }
    }
}
