package dev.parley.bench;

import com.fasterxml.jackson.databind.node.LongNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.DecodeException;
import dev.parley.protocol.JsonRequestEncoder;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.ServerFrameDecoder;
import dev.parley.protocol.SlashCommand;
import dev.parley.protocol.SlashGrammar;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;

/**
 * One simulated user: a socket, a line splitter, and the register+login handshake (JSON lines, or IRC's
 * {@link IrcLogin} with --proto irc). After login the scenario installs its own line listener, or drops input
 * altogether for idle sessions.
 */
final class LoadClient {
    private static final byte[] REGISTER = Frames.opPrefix(Ops.REGISTER);
    private static final byte[] LOGIN = Frames.opPrefix(Ops.LOGIN);
    private static final byte[] BYE = Frames.opPrefix(Ops.BYE);
    private static final int MAX_LINE = 1 << 20;
    private static final byte[] PING = Frames.ascii("PING ");
    private static final byte[] ERROR = Frames.ascii("ERROR ");
    static final String GREETED = "greeted as a text client: the first request arrived after the server's greeting delay";

    final int index;
    final String user;
    private final Buffer loginRequest;
    /** The IRC way in (--proto irc); null for JSON lines. */
    private final IrcLogin irc;
    private NetSocket socket;
    private LineSplitter splitter;
    private Promise<LoadClient> loggingIn;
    private long discardedBytes;
    private boolean discarding;
    private boolean closing;
    private boolean closedByServer;
    private String lastBye;
    String registerError;

    LoadClient(int index, String user, String password, boolean register) {
        this.index = index;
        this.user = user;
        this.irc = null;
        this.loginRequest = Buffer.buffer();
        if (register) loginRequest.appendBytes(line(SlashGrammar.REGISTER, 0, user, password, user));
        loginRequest.appendBytes(line(SlashGrammar.LOGIN, 1, user, password));
    }

    /** An IRC user: logs in with {@code irc}, which may also join the fan-out channel. */
    LoadClient(int index, String user, IrcLogin irc) {
        this.index = index;
        this.user = user;
        this.irc = irc;
        this.loginRequest = IrcLogin.buffer(irc.opening());
    }

    /** A user of the benchmark's protocol (--proto), joining {@code channel} when IRC and not null. */
    static LoadClient of(BenchOptions o, int index, String user, String channel) {
        if (!o.irc()) return new LoadClient(index, user, o.password, !o.skipRegister);
        return new LoadClient(index, user, new IrcLogin(user, o.password, o.ircAuth, !o.skipRegister, channel));
    }

    /** Sends register (optional) and login pipelined; completes when the login is answered ok. */
    void start(NetSocket s, Promise<LoadClient> result) {
        this.socket = s;
        this.loggingIn = result;
        this.splitter = new LineSplitter(MAX_LINE, this::onSetupLine);
        s.handler(buf -> {
            if (discarding) discardedBytes += buf.length();
            else splitter.handle(buf);
        });
        s.closeHandler(v -> {
            if (!closing) closedByServer = true;
            if (loggingIn != null) loggingIn.tryFail("closed by the server during login" + (lastBye == null ? "" : ": " + lastBye));
        });
        s.exceptionHandler(t -> {
        });
        s.write(loginRequest);
    }

    private void onSetupLine(byte[] b, int from, int to) {
        if (irc != null) {
            onIrcSetupLine(Frames.string(b, from, to));
            return;
        }
        if (to > from && b[from] != '{' && loggingIn != null) {
            // Servers before issue 13 greeted a connection that stayed silent past a delay as a human
            // (text protocol); our JSON then read as text. Current servers never speak first.
            Promise<LoadClient> p = loggingIn;
            loggingIn = null;
            p.tryFail(GREETED);
            return;
        }
        if (Frames.isOp(b, from, to, LOGIN)) {
            Promise<LoadClient> p = loggingIn;
            loggingIn = null;
            if (p == null) return;
            Reply reply = reply(b, from, to);
            if (reply != null && reply.ok()) p.tryComplete(this);
            else p.tryFail("login refused: " + Frames.string(b, from, Math.min(to, from + 300)));
        } else if (Frames.isOp(b, from, to, REGISTER)) {
            Reply reply = reply(b, from, to);
            // the users of an earlier run are still there: that is fine
            if (reply == null || !reply.ok() && reply.error() != ChatError.USER_EXISTS) {
                registerError = Frames.string(b, from, Math.min(to, from + 300));
            }
        } else if (Frames.isOp(b, from, to, BYE)) {
            lastBye = Frames.string(b, from, Math.min(to, from + 300));
        }
    }

    private void onIrcSetupLine(String line) {
        if (loggingIn == null) return;
        IrcLogin.Step step = irc.onLine(line);
        if (line.startsWith("ERROR ")) lastBye = line;
        if (step.send() != null) socket.write(IrcLogin.buffer(step.send()));
        Promise<LoadClient> p = loggingIn;
        if (step.failure() != null) {
            loggingIn = null;
            p.tryFail("IRC login: " + step.failure());
        } else if (step.done()) {
            loggingIn = null;
            p.tryComplete(this);
        }
    }

    /** One handshake request, numbered; user and password are escaped as JSON needs. */
    private static byte[] line(SlashCommand command, long rid, String... args) {
        Request request = command.request(args);
        return JsonRequestEncoder.encode(new Request(request.op(), LongNode.valueOf(rid), request.fields()));
    }

    /** A handshake reply, read with the protocol's decoder (once per session, off the hot path); null if unreadable. */
    private static Reply reply(byte[] b, int from, int to) {
        try {
            return ServerFrameDecoder.decode(b, from, to) instanceof Reply r ? r : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    /** Hands every further line to {@code l} (the scenario's receiver). */
    void listen(LineSplitter.Listener l) {
        if (irc != null) {
            splitter.listener((b, from, to) -> {
                // Other IRC servers check that their clients are alive; Parley does not, but answering costs nothing.
                if (Frames.startsWith(b, from, to, PING)) socket.write(IrcLogin.buffer("PONG" + Frames.string(b, from + 4, to) + "\n"));
                else if (Frames.startsWith(b, from, to, ERROR)) lastBye = Frames.string(b, from, Math.min(to, from + 300));
                l.onLine(b, from, to);
            });
            return;
        }
        splitter.listener((b, from, to) -> {
            if (Frames.isOp(b, from, to, BYE)) lastBye = Frames.string(b, from, Math.min(to, from + 300));
            l.onLine(b, from, to);
        });
    }

    /** Counts and drops every further byte: an idle session only has to keep up with presence. */
    void discardInput() {
        discarding = true;
    }

    long bytesReceived() {
        return (splitter == null ? 0 : splitter.bytes()) + discardedBytes;
    }

    void send(Buffer line) {
        socket.write(line);
    }

    void send(String line) {
        socket.write(Buffer.buffer(line.getBytes(StandardCharsets.UTF_8)));
    }

    boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    boolean closedByServer() {
        return closedByServer;
    }

    String lastBye() {
        return lastBye;
    }

    void close() {
        closing = true;
        if (socket != null) socket.close();
    }
}
