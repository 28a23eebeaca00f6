package dev.parley.gateway;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.DecodeException;
import dev.parley.protocol.JsonRequestParser;
import dev.parley.protocol.LineDecoder;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.TextLineEncoder;
import dev.parley.protocol.TextRequestParser;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedDecodeError;
import dev.parley.protocol.seed.SeedFrameDecoder;
import dev.parley.protocol.seed.SeedProtocolException;
import dev.parley.protocol.seed.SeedTranslator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One client connection: decodes its frames, runs its commands, writes its replies and events, and
 * releases everything it holds on every exit path. Touched only on its own event loop.
 */
final class Connection implements LineDecoder.Listener, SeedFrameDecoder.Listener {

    enum State { ANONYMOUS, LOGGING_IN, CATCHING_UP, LIVE, CLOSED }

    /** Live events held while missed messages are replayed at login; over this the reader is too slow. */
    private static final int MAX_HELD_EVENTS = 10_000;
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_WAITING_REQUESTS = 64;
    /** Requests being answered at once per connection; past this the socket is not read. */
    private static final int MAX_IN_FLIGHT = 64;

    private final GatewayVerticle gateway;
    private final NetSocket socket;
    private final Outbox outbox;
    private final String remoteAddress;
    private final Admission admission;
    private Protocol protocol;
    private LineDecoder lines;
    private SeedFrameDecoder frames;
    private State state = State.ANONYMOUS;
    private String user;
    private String name;
    private String sessionId;
    /** The newest group message this session has been given; saved as last-seen when it leaves. */
    private long lastGroupSeq;
    /** Group messages at or below this were replayed from history and must not be delivered live too. */
    private long replayedUpTo;
    /** The history head when this session began holding live events. */
    private long liveFrom;
    private List<EncodedEvent> held;
    /** Confirmations of held private messages: they run once the held events were handed to the socket. */
    private List<Runnable> heldConfirmations;
    private List<Request> waiting;
    private boolean accountOpInFlight;
    /** A logout waiting for the replies to the requests sent before it. */
    private Reply closingWith;
    private boolean readingPaused;
    private final long connectedNanos;
    /** When the last complete request arrived; bytes without a newline do not count. */
    private long lastRequestNanos;
    private boolean released;
    /** Greeted as a human before speaking: until its first byte says otherwise, answer in text. */
    private boolean greeted;

    Connection(GatewayVerticle gateway, NetSocket socket, String remoteAddress, TokenBucket bucket, long maxPending,
               OutputBudget budget) {
        this.gateway = gateway;
        this.socket = socket;
        this.remoteAddress = remoteAddress;
        this.admission = new Admission(bucket, MAX_IN_FLIGHT);
        this.outbox = new Outbox(socket, maxPending, budget);
        this.connectedNanos = System.nanoTime();
        this.lastRequestNanos = connectedNanos;
    }

    // ---- inbound

    void onData(Buffer data) {
        if (state == State.CLOSED) return;
        byte[] bytes = data.getBytes();
        if (protocol == null) {
            if (bytes.length == 0) return;
            startProtocol(Protocol.detect(bytes[0]));
            if (state == State.CLOSED) return;
        }
        if (frames != null) frames.feed(bytes);
        else lines.feed(bytes);
    }

    /**
     * Called when a new connection stays silent: probably a human waiting to be greeted. The greeting
     * does not fix the protocol: the first byte the client sends still decides it.
     */
    void greetIfSilent() {
        if (protocol == null && state != State.CLOSED) {
            greeted = true;
            outbox.write(TextLineEncoder.GREETING.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void startProtocol(Protocol p) {
        protocol = p;
        int max = gateway.settings().limits().maxFrameBytes();
        if (p == Protocol.SEED) frames = new SeedFrameDecoder(max, this);
        else lines = new LineDecoder(max, this);
    }

    @Override
    public void onLine(byte[] line) {
        if (state == State.CLOSED) return;
        Request request;
        try {
            request = protocol == Protocol.JSON ? JsonRequestParser.parse(line) : TextRequestParser.parse(line);
        } catch (DecodeException e) {
            if (admission.chargeInvalid()) {
                refuse(Reply.fail("error", null, ChatError.BAD_FRAME, e.getMessage()));
            } else {
                // Garbage faster than the rate limit: closed rather than answered without bound.
                bye(ByeReason.BAD_FRAME, "invalid lines faster than the rate limit");
            }
            return;
        }
        if (request == null) return; // an empty line: nothing to run, and not activity either
        onRequest(request);
    }

    private void onRequest(Request request) {
        if (closingWith != null) return; // logged out: what follows the logout is not run
        lastRequestNanos = System.nanoTime();
        if (accountOpInFlight) {
            // Pipelined commands wait for a register/login outcome instead of racing it.
            if (waiting == null) waiting = new ArrayList<>();
            if (waiting.size() < MAX_WAITING_REQUESTS) {
                waiting.add(request);
            } else {
                // Never out of order: a request that cannot wait is refused.
                refuse(Reply.fail(request.op() == null ? "error" : request.op(), request.rid(), ChatError.RATE_LIMITED,
                        "too many requests waiting for the login to finish"));
            }
            return;
        }
        if (admission.admit() == Admission.Verdict.RATE_LIMITED) {
            refuse(Reply.fail(request.op() == null ? "error" : request.op(), request.rid(), ChatError.RATE_LIMITED,
                    "too many requests; slow down"));
            return;
        }
        if (admission.full() && !readingPaused) {
            // Back-pressure instead of an unbounded backlog: stop reading until answers catch up.
            readingPaused = true;
            socket.pause();
        }
        gateway.commands().dispatch(this, request);
    }

    @Override
    public void onFrame(byte[] body) {
        if (state == State.CLOSED) return;
        try {
            onRequest(SeedTranslator.toRequest(SeedCodec.decode(body)));
        } catch (SeedProtocolException e) {
            bye(ByeReason.BAD_FRAME, e.getMessage());
        }
    }

    @Override
    public void onError(SeedDecodeError error, String detail) {
        bye(ByeReason.BAD_FRAME, detail);
    }

    @Override
    public void onOversize() {
        bye(ByeReason.BAD_FRAME, "line longer than " + gateway.settings().limits().maxFrameBytes() + " bytes");
    }

    // ---- outbound

    /** Sends an event, or the one reply to an admitted request, to this connection only. */
    void send(Outbound out) {
        if (out instanceof Reply) {
            admission.answered();
            if (admission.drained() && readingPaused && closingWith == null) {
                readingPaused = false;
                socket.resume();
            }
        }
        write(out);
        if (closingWith != null && admission.inFlight() <= 1) {
            Reply last = closingWith;
            closingWith = null;
            closeAfter(last);
        }
    }

    /** Answers a request that was not admitted (or a line that was no request): owes no in-flight slot back. */
    private void refuse(Reply reply) {
        write(reply);
    }

    private void write(Outbound out) {
        if (state == State.CLOSED) return;
        byte[] bytes = gateway.encoders().encode(outputProtocol(), out);
        if (bytes != null && bytes.length > 0) writeChecked(bytes);
    }

    /** Runs {@code action} once everything written so far was handed to the socket. */
    void afterWrites(Runnable action) {
        if (state == State.CLOSED) return;
        outbox.write(EMPTY, action);
    }

    /**
     * Delivers a private message and runs {@code onWritten} once its bytes were handed to the socket
     * (for a held event: once the login has caught up and written it). False, with {@code onWritten}
     * never run, when it was not taken; if the connection closes first, {@code onWritten} never runs either.
     */
    boolean deliver(EncodedEvent e, Runnable onWritten) {
        boolean holding = state == State.CATCHING_UP || state == State.LOGGING_IN;
        if (!deliver(e)) return false;
        if (!holding) {
            afterWrites(onWritten);
        } else {
            if (heldConfirmations == null) heldConfirmations = new ArrayList<>();
            heldConfirmations.add(onWritten);
        }
        return true;
    }

    /** Delivers an event shared with other recipients; true when it was written, or held until the login has caught up. */
    boolean deliver(EncodedEvent e) {
        if (state == State.CLOSED || user == null) return false;
        if (user.equals(e.except)) {
            // Our own group message: not shown back, but seen, so it is not "missed" at the next login.
            if (e.groupSeq != 0 && state == State.LIVE) lastGroupSeq = Math.max(lastGroupSeq, e.groupSeq);
            return false;
        }
        if (state == State.CATCHING_UP || state == State.LOGGING_IN) {
            if (held == null) held = new ArrayList<>();
            if (held.size() >= MAX_HELD_EVENTS) {
                slowConsumer();
                return false;
            }
            held.add(e);
            return true;
        }
        if (e.groupSeq != 0) {
            if (e.groupSeq <= replayedUpTo) return false;
            lastGroupSeq = Math.max(lastGroupSeq, e.groupSeq);
        }
        byte[] bytes = e.bytes(protocol);
        if (bytes == null) return false;
        writeChecked(bytes);
        return true;
    }

    private void writeChecked(byte[] bytes) {
        if (!outbox.write(bytes)) slowConsumer();
        else gateway.shedIfOverBudget();
    }

    /** Drops this connection with its unsent output (it is not reading, or the node needs the memory). */
    void slowConsumer() {
        if (state == State.CLOSED) return;
        byte[] bye = gateway.encoders().encode(outputProtocol(), new ByeEvent(ByeReason.SLOW_CONSUMER));
        state = State.CLOSED;
        gateway.dropped(this, ByeReason.SLOW_CONSUMER);
        outbox.abort(bye);
    }

    /** Output waiting for this reader (bytes). */
    long pendingBytes() {
        return outbox.pendingBytes();
    }

    /** Direct memory held for this connection's output. */
    long memoryBytes() {
        return outbox.memoryBytes();
    }

    /** Output this reader left unread from earlier turns (bytes). */
    long backlogBytes() {
        return outbox.backlogBytes();
    }

    /** Says why, then closes once the goodbye is out. */
    void bye(ByeReason reason, String message) {
        if (state == State.CLOSED) return;
        byte[] bytes = gateway.encoders().encode(outputProtocol(),
                new ByeEvent(reason, message == null ? reason.defaultMessage : message));
        state = State.CLOSED;
        gateway.dropped(this, reason);
        outbox.writeAndClose(bytes);
    }

    /** Sends the final reply, then closes once it is out. */
    void closeAfter(Reply last) {
        if (state == State.CLOSED) return;
        if (admission.inFlight() > 1) {
            // Requests sent before this one are still being answered: close after their replies.
            closingWith = last;
            readingPaused = true;
            socket.pause();
            return;
        }
        byte[] bytes = gateway.encoders().encode(protocol, last);
        state = State.CLOSED;
        outbox.writeAndClose(bytes);
    }

    private Protocol outputProtocol() {
        if (protocol != null) return protocol;
        return greeted ? Protocol.TEXT : Protocol.JSON;
    }

    // ---- session lifecycle

    boolean loggedIn() {
        return state == State.CATCHING_UP || state == State.LIVE;
    }

    boolean anonymous() {
        return state == State.ANONYMOUS;
    }

    boolean closed() {
        return state == State.CLOSED;
    }

    boolean loggingInState() {
        return state == State.LOGGING_IN;
    }

    void loggingIn() {
        state = State.LOGGING_IN;
    }

    void loginFailed() {
        if (state == State.LOGGING_IN) state = State.ANONYMOUS;
    }

    /** A register or login is under way: later requests wait for its answer. */
    void beginAccountOp() {
        accountOpInFlight = true;
    }

    /** The register/login was answered (either way): run the commands that arrived meanwhile. */
    void endAccountOp() {
        accountOpInFlight = false;
        List<Request> queued = waiting;
        waiting = null;
        if (queued == null) return;
        for (int i = 0; i < queued.size(); i++) {
            if (state == State.CLOSED) return;
            onRequest(queued.get(i));
            if (accountOpInFlight) {
                // Another account op started: the rest waits again, in order.
                List<Request> rest = new ArrayList<>(queued.subList(i + 1, queued.size()));
                if (waiting != null) rest.addAll(waiting);
                waiting = rest;
                return;
            }
        }
    }

    /** Authenticated: from now on events for this user are routed here (held until caught up). */
    void authenticated(String user, String name, String sessionId) {
        this.user = user;
        this.name = name;
        this.sessionId = sessionId;
        this.state = State.CATCHING_UP;
    }

    /** The user changed their display name: what they send from now on carries it. */
    void renamed(String newName) {
        if (user != null && newName != null) this.name = newName;
    }

    /** Login could not complete after authentication (presence unavailable). */
    void backToAnonymous() {
        if (state == State.CLOSED) return;
        user = null;
        name = null;
        sessionId = null;
        held = null;
        heldConfirmations = null;
        state = State.ANONYMOUS;
    }

    /**
     * Group messages after {@code head} (the history head right after this session started holding
     * live events) reach it live; those up to it are replayed from storage.
     */
    void liveAfter(long head) {
        liveFrom = head;
        lastGroupSeq = Math.max(lastGroupSeq, head);
    }

    long liveFrom() {
        return liveFrom;
    }

    /**
     * Missed messages were written: release the events held meanwhile. A held group message at or
     * below the newest replayed one was in the replay; all others are delivered now.
     *
     * @param newestReplayedSeq the seq of the newest group message replayed, 0 when none was
     */
    void caughtUp(long newestReplayedSeq) {
        if (state != State.CATCHING_UP) return;
        replayedUpTo = newestReplayedSeq;
        state = State.LIVE;
        List<EncodedEvent> pending = held;
        held = null;
        if (pending != null) {
            // Counted when they were held.
            for (EncodedEvent e : pending) deliver(e);
        }
        List<Runnable> confirmations = heldConfirmations;
        heldConfirmations = null;
        if (confirmations != null) {
            for (Runnable r : confirmations) afterWrites(r);
        }
    }

    void markClosed() {
        state = State.CLOSED;
        held = null;
        heldConfirmations = null;
    }

    boolean released() {
        return released;
    }

    void markReleased() {
        released = true;
    }

    boolean hadSession() {
        return sessionId != null;
    }

    String user() {
        return user;
    }

    String name() {
        return name;
    }

    String sessionId() {
        return sessionId;
    }

    long lastGroupSeq() {
        return lastGroupSeq;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    Protocol protocol() {
        return protocol;
    }

    long lastRequestNanos() {
        return lastRequestNanos;
    }

    long connectedNanos() {
        return connectedNanos;
    }

    GatewayVerticle gateway() {
        return gateway;
    }
}
