package dev.parley.gateway;

import dev.parley.protocol.Outbound;

/**
 * An event on its way to many connections: encoded at most once per protocol, and the same bytes
 * written to every recipient. Safe to share across event loops (encoding is idempotent).
 *
 * @param room   the canonical room of a room message (or room change), null otherwise
 * @param seq    the room's history position of a room message, 0 otherwise
 * @param except the user who must not receive it (the sender or the subject), or null
 */
final class EncodedEvent {
    final Outbound event;
    final String room;
    final long seq;
    final String except;
    private final Encoders encoders;
    private volatile byte[] json;
    private volatile byte[] text;
    private volatile byte[] seed;
    private volatile byte[] irc;
    private volatile byte[] ircTimed;

    EncodedEvent(Outbound event, String room, long seq, String except, Encoders encoders) {
        this.event = event;
        this.room = room;
        this.seq = seq;
        this.except = except;
        this.encoders = encoders;
    }

    /** An event of no room (private message, presence, notice). */
    EncodedEvent(Outbound event, String except, Encoders encoders) {
        this(event, null, 0, except, encoders);
    }

    /** The IRC lines, in the variant with server-time tags or without (each rendered once); null when IRC shows nothing. */
    byte[] ircBytes(boolean serverTime) {
        byte[] b = serverTime ? ircTimed : irc;
        if (b == null) {
            b = encoders.encodeIrc(event, serverTime);
            if (b == null) b = NONE;
            if (serverTime) ircTimed = b;
            else irc = b;
        }
        return b.length == 0 ? null : b;
    }

    private static final byte[] NONE = new byte[0];

    /** The bytes for a protocol; null when this protocol shows nothing for the event. */
    byte[] bytes(Protocol protocol) {
        switch (protocol) {
            case JSON: {
                byte[] b = json;
                if (b == null) json = b = encoders.encode(Protocol.JSON, event);
                return b;
            }
            case TEXT: {
                byte[] b = text;
                if (b == null) text = b = encoders.encode(Protocol.TEXT, event);
                return b;
            }
            case IRC:
                return ircBytes(false);
            default: {
                byte[] b = seed;
                if (b == null) seed = b = encoders.encode(Protocol.SEED, event);
                return b.length == 0 ? null : b;
            }
        }
    }
}
