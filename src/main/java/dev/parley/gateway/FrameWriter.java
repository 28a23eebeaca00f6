package dev.parley.gateway;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.Reply;
import dev.parley.protocol.TextLineEncoder;

import java.nio.charset.StandardCharsets;

/**
 * A connection's output: encodes each frame for the connection's protocol, writes it to the
 * {@link Wire}, and closes it (with a goodbye, after a last reply, or at once for a slow reader).
 * Once closed, nothing more is written.
 */
final class FrameWriter {

    /**
     * What the writer asks of and tells its connection: one reference to an object that exists anyway,
     * rather than three lambdas per connection (19,000 idle sessions hold 19,000 of each).
     */
    interface Owner {
        /** The protocol the client's first byte chose; null until it sent one. */
        Protocol protocol();

        /** The connection was dropped (counted and audited by the gateway). */
        void dropped(ByeReason reason);

        /** A write was accepted (the node checks its output budget). */
        void wrote();
    }

    private final Wire wire;
    private final Encoders encoders;
    private final Owner owner;
    private boolean closed;

    FrameWriter(Wire wire, Encoders encoders, Owner owner) {
        this.wire = wire;
        this.encoders = encoders;
        this.owner = owner;
    }

    /** Welcomes a human: called on the first line of a connection whose first byte chose text. */
    void greet() {
        if (!closed) write(TextLineEncoder.GREETING.getBytes(StandardCharsets.UTF_8));
    }

    void write(Outbound out) {
        if (closed) return;
        byte[] bytes = encoders.encode(protocol(), out);
        if (bytes != null && bytes.length > 0) write(bytes);
    }

    /** Writes encoded bytes; a reader whose pending output is over its bound is dropped instead. */
    void write(byte[] bytes) {
        if (!wire.write(bytes)) slowConsumer();
        else owner.wrote();
    }

    /** Runs {@code action} once everything written so far was handed to the socket. */
    void afterWrites(Runnable action) {
        if (!closed) wire.afterWrites(action);
    }

    /** Drops the connection with its unsent output (it is not reading, or the node needs the memory). */
    void slowConsumer() {
        if (closed) return;
        byte[] bye = encoders.encode(protocol(), new ByeEvent(ByeReason.SLOW_CONSUMER));
        closed = true;
        owner.dropped(ByeReason.SLOW_CONSUMER);
        wire.abort(bye);
    }

    /** Says why (in the client's protocol; a client that never spoke chose none, so it hears nothing), then closes. */
    void bye(ByeReason reason, String message) {
        if (closed) return;
        byte[] bytes = owner.protocol() == null ? null
                : encoders.encode(protocol(), new ByeEvent(reason, message == null ? reason.defaultMessage : message));
        closed = true;
        owner.dropped(reason);
        wire.writeAndClose(bytes);
    }

    /** Sends the last reply (to a request, so the protocol is known), then closes once it is out. */
    void closeWith(Reply last) {
        if (closed) return;
        byte[] bytes = encoders.encode(owner.protocol(), last);
        closed = true;
        wire.writeAndClose(bytes);
    }

    /** Closes once what was written is out, with nothing more to say (IRC's QUIT, answered with ERROR). */
    void closeQuietly() {
        if (closed) return;
        closed = true;
        wire.writeAndClose(null);
    }

    /** The socket closed: nothing more is written. */
    void markClosed() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** The protocol answers are written in: the client's, or JSON before it spoke (only refusals, never unasked). */
    Protocol protocol() {
        Protocol p = owner.protocol();
        return p != null ? p : Protocol.JSON;
    }

    long backlogBytes() {
        return wire.backlogBytes();
    }

    long memoryBytes() {
        return wire.memoryBytes();
    }
}
