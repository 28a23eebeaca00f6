package dev.parley.gateway;

import dev.parley.gateway.irc.IrcEventRenderer;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.TagEvent;

import java.util.concurrent.atomic.AtomicReferenceArray;

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
    /** IRC lines per variant ({@link IrcEventRenderer#VARIANTS}), each rendered at most once. */
    private final AtomicReferenceArray<byte[]> irc = new AtomicReferenceArray<>(IrcEventRenderer.VARIANTS);

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

    /** The IRC lines in a variant (see {@link IrcEventRenderer}; each rendered once); null when IRC shows nothing. */
    byte[] ircBytes(int variant) {
        byte[] b = irc.get(variant);
        if (b == null) {
            b = encoders.encodeIrc(event, variant);
            if (b == null) b = NONE;
            irc.set(variant, b);
        }
        return b.length == 0 ? null : b;
    }

    private static final byte[] NONE = new byte[0];
    /** IRC lines that differ by reader but are shared by readers alike (a co-member's JOINs), by key; made on first use. */
    private volatile java.util.concurrent.ConcurrentHashMap<String, byte[]> ircByKey;

    /**
     * IRC lines rendered once per {@code key} (which must name everything they depend on, the variant included) and
     * shared by every reader with that key: e.g. the JOINs of an arrival, alike for all who share the same channels.
     */
    byte[] ircBytes(String key, java.util.function.Supplier<byte[]> render) {
        java.util.concurrent.ConcurrentHashMap<String, byte[]> m = ircByKey;
        if (m == null) {
            synchronized (this) {
                m = ircByKey;
                if (m == null) ircByKey = m = new java.util.concurrent.ConcurrentHashMap<>(4);
            }
        }
        return m.computeIfAbsent(key, k -> render.get());
    }

    /** The bytes for a protocol; null when this protocol shows nothing for the event. */
    byte[] bytes(Protocol protocol) {
        // Client-only tags exist in IRC only: JSON, text and seed readers are shown nothing (docs/irc.md).
        if (event instanceof TagEvent) return protocol == Protocol.IRC ? ircBytes(0) : null;
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
                return ircBytes(0);
            default: {
                byte[] b = seed;
                if (b == null) seed = b = encoders.encode(Protocol.SEED, event);
                return b.length == 0 ? null : b;
            }
        }
    }
}
