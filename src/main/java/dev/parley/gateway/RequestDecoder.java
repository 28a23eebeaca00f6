package dev.parley.gateway;

import dev.parley.protocol.DecodeException;
import dev.parley.protocol.Json;
import dev.parley.protocol.JsonRequestParser;
import dev.parley.protocol.LineDecoder;
import dev.parley.protocol.Request;
import dev.parley.protocol.TextRequestParser;
import dev.parley.protocol.irc.IrcDetection;
import dev.parley.protocol.irc.IrcLineDecoder;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedDecodeError;
import dev.parley.protocol.seed.SeedFrameDecoder;
import dev.parley.protocol.seed.SeedProtocolException;
import dev.parley.protocol.seed.SeedTranslator;

import java.nio.charset.StandardCharsets;

/**
 * Turns a connection's bytes into requests: the first byte picks the protocol (JSON lines, text
 * lines or seed frames), or the first word IRC (CAP/NICK/PASS/USER and a space; on the IRC port, always),
 * then each complete line or frame becomes a {@link Request} (an IRC line: one of op {@link #IRC_LINE}). Input may
 * arrive in any segmentation. Knows nothing of sockets.
 */
final class RequestDecoder implements LineDecoder.Listener, SeedFrameDecoder.Listener, IrcLineDecoder.Listener {

    /** The op of a request carrying one IRC line (field "line") or a refused one (field "rejected"); never in the command table. */
    static final String IRC_LINE = "irc.line";

    /** Where the decoded input goes, in stream order. */
    interface Sink {
        void request(Request request);

        /** A line that is no request (the message says why); the connection stays open. */
        void invalidLine(String message);

        /** The stream cannot be decoded any further (oversize, broken seed frame): the connection must close. */
        void badFrame(String detail);

        /** The first line of a text connection is no command: a person who does not know the way yet. Comes before its request. */
        void newcomer();
    }

    /** Largest line or frame body: bounds what one connection can make the node hold. */
    private final int maxFrameBytes;
    private final Sink sink;
    private Protocol protocol;
    private LineDecoder lines;
    private SeedFrameDecoder frames;
    private IrcLineDecoder ircLines;
    /** The first bytes while they may still open an IRC line (at most five: "NICK "). */
    private byte[] opening;
    /** Whether a complete line came in (the text protocol's first line may be a newcomer's). */
    private boolean spoke;

    RequestDecoder(int maxFrameBytes, Sink sink) {
        this(maxFrameBytes, sink, null);
    }

    /** @param fixed the protocol of a port that speaks only one (the IRC port), or null to detect it */
    RequestDecoder(int maxFrameBytes, Sink sink, Protocol fixed) {
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
        if (fixed != null) start(fixed);
    }

    void feed(byte[] bytes) {
        if (protocol == null) {
            if (bytes.length == 0) return;
            if (opening != null) {
                byte[] joined = new byte[opening.length + bytes.length];
                System.arraycopy(opening, 0, joined, 0, opening.length);
                System.arraycopy(bytes, 0, joined, opening.length, bytes.length);
                bytes = joined;
                opening = null;
            }
            IrcDetection.Verdict irc = IrcDetection.classify(bytes, 0, bytes.length);
            if (irc == IrcDetection.Verdict.UNDECIDED) {
                opening = bytes;
                return;
            }
            start(irc == IrcDetection.Verdict.IRC ? Protocol.IRC : Protocol.detect(bytes[0]));
        }
        if (frames != null) frames.feed(bytes);
        else if (ircLines != null) ircLines.feed(bytes);
        else lines.feed(bytes);
    }

    /** The protocol the first byte chose; null before any byte arrived. */
    Protocol protocol() {
        return protocol;
    }

    private void start(Protocol p) {
        protocol = p;
        if (p == Protocol.SEED) frames = new SeedFrameDecoder(maxFrameBytes, this);
        else if (p == Protocol.IRC) ircLines = new IrcLineDecoder(this);
        else lines = new LineDecoder(maxFrameBytes, this);
    }

    @Override
    public void onLine(byte[] line) {
        if (!spoke) {
            spoke = true;
            if (protocol == Protocol.TEXT && (line.length == 0 || line[0] != '/')) sink.newcomer();
        }
        if (protocol == Protocol.IRC) {
            // The IRC session parses it: IRC's errors are numerics, not Parley error frames.
            sink.request(new Request(IRC_LINE, null, Json.object().put("line", new String(line, StandardCharsets.UTF_8))));
            return;
        }
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
    public void onRejected(IrcLineDecoder.Rejection rejection) {
        sink.request(new Request(IRC_LINE, null, Json.object().put("rejected", rejection.name())));
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
