package dev.parley.gateway;

import dev.parley.protocol.DecodeException;
import dev.parley.protocol.JsonRequestParser;
import dev.parley.protocol.LineDecoder;
import dev.parley.protocol.Request;
import dev.parley.protocol.TextRequestParser;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedDecodeError;
import dev.parley.protocol.seed.SeedFrameDecoder;
import dev.parley.protocol.seed.SeedProtocolException;
import dev.parley.protocol.seed.SeedTranslator;

/**
 * Turns a connection's bytes into requests: the first byte picks the protocol (JSON lines, text
 * lines or seed frames), then each complete line or frame becomes a {@link Request}. Input may
 * arrive in any segmentation. Knows nothing of sockets.
 */
final class RequestDecoder implements LineDecoder.Listener, SeedFrameDecoder.Listener {

    /** Where the decoded input goes, in stream order. */
    interface Sink {
        void request(Request request);

        /** A line that is no request (the message says why); the connection stays open. */
        void invalidLine(String message);

        /** The stream cannot be decoded any further (oversize, broken seed frame): the connection must close. */
        void badFrame(String detail);
    }

    /** Largest line or frame body: bounds what one connection can make the node hold. */
    private final int maxFrameBytes;
    private final Sink sink;
    private Protocol protocol;
    private LineDecoder lines;
    private SeedFrameDecoder frames;

    RequestDecoder(int maxFrameBytes, Sink sink) {
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
    }

    void feed(byte[] bytes) {
        if (protocol == null) {
            if (bytes.length == 0) return;
            start(Protocol.detect(bytes[0]));
        }
        if (frames != null) frames.feed(bytes);
        else lines.feed(bytes);
    }

    /** The protocol the first byte chose; null before any byte arrived. */
    Protocol protocol() {
        return protocol;
    }

    private void start(Protocol p) {
        protocol = p;
        if (p == Protocol.SEED) frames = new SeedFrameDecoder(maxFrameBytes, this);
        else lines = new LineDecoder(maxFrameBytes, this);
    }

    @Override
    public void onLine(byte[] line) {
        Request request;
        try {
            request = protocol == Protocol.JSON ? JsonRequestParser.parse(line) : TextRequestParser.parse(line);
        } catch (DecodeException e) {
            sink.invalidLine(e.getMessage());
            return;
        }
        if (request != null) sink.request(request);   // an empty line: nothing to run, and not activity either
    }

    @Override
    public void onOversize() {
        sink.badFrame("line longer than " + maxFrameBytes + " bytes");
    }

    @Override
    public void onFrame(byte[] body) {
        Request request;
        try {
            request = SeedTranslator.toRequest(SeedCodec.decode(body));
        } catch (SeedProtocolException e) {
            sink.badFrame(e.getMessage());
            return;
        }
        sink.request(request);
    }

    @Override
    public void onError(SeedDecodeError error, String detail) {
        sink.badFrame(detail);
    }
}
