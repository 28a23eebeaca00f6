package dev.parley.gateway;

import dev.parley.protocol.Outbound;

/**
 * An event on its way to many connections: encoded at most once per protocol, and the same bytes
 * written to every recipient. Safe to share across event loops (encoding is idempotent).
 *
 * @param groupSeq the group history position of a group message, 0 otherwise
 * @param except   the user who must not receive it (the sender or the subject), or null
 */
final class EncodedEvent {
    final Outbound event;
    final long groupSeq;
    final String except;
    private final Encoders encoders;
    private volatile byte[] json;
    private volatile byte[] text;
    private volatile byte[] seed;

    EncodedEvent(Outbound event, long groupSeq, String except, Encoders encoders) {
        this.event = event;
        this.groupSeq = groupSeq;
        this.except = except;
        this.encoders = encoders;
    }

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
            default: {
                byte[] b = seed;
                if (b == null) seed = b = encoders.encode(Protocol.SEED, event);
                return b.length == 0 ? null : b;
            }
        }
    }
}
