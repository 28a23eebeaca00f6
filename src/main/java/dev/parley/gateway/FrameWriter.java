package dev.parley.gateway;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.Reply;
import dev.parley.protocol.TextLineEncoder;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A connection's output: encodes each frame for the connection's protocol, writes it to the
 * {@link Wire}, and closes it (with a goodbye, after a last reply, or at once for a slow reader).
 * Once closed, nothing more is written.
 */
final class FrameWriter {
    private final Wire wire;
    private final Encoders encoders;
    /** The protocol the client's first byte chose; null until it sent one. */
    private final Supplier<Protocol> decided;
    /** Told when the connection is dropped (counted and audited by the gateway). */
    private final Consumer<ByeReason> dropped;
    /** Runs after each accepted write (the node checks its output budget). */
    private final Runnable wrote;
    private boolean closed;

    FrameWriter(Wire wire, Encoders encoders, Supplier<Protocol> decided, Consumer<ByeReason> dropped, Runnable wrote) {
        this.wire = wire;
        this.encoders = encoders;
        this.decided = decided;
        this.dropped = dropped;
        this.wrote = wrote;
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
        else wrote.run();
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
        dropped.accept(ByeReason.SLOW_CONSUMER);
        wire.abort(bye);
    }

    /** Says why (in the client's protocol; a client that never spoke chose none, so it hears nothing), then closes. */
    void bye(ByeReason reason, String message) {
        if (closed) return;
        byte[] bytes = decided.get() == null ? null
                : encoders.encode(protocol(), new ByeEvent(reason, message == null ? reason.defaultMessage : message));
        closed = true;
        dropped.accept(reason);
        wire.writeAndClose(bytes);
    }

    /** Sends the last reply (to a request, so the protocol is known), then closes once it is out. */
    void closeWith(Reply last) {
        if (closed) return;
        byte[] bytes = encoders.encode(decided.get(), last);
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
        Protocol p = decided.get();
        return p != null ? p : Protocol.JSON;
    }

    long backlogBytes() {
        return wire.backlogBytes();
    }

    long memoryBytes() {
        return wire.memoryBytes();
    }
}
