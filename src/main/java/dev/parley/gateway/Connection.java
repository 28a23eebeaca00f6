package dev.parley.gateway;

import dev.parley.gateway.irc.IrcPort;
import dev.parley.gateway.irc.IrcSession;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import io.vertx.core.Handler;

import java.util.ArrayList;
import java.util.List;

/**
 * One client connection, a thin owner of its parts: {@link RequestDecoder} (bytes to requests),
 * {@link RequestFlow} (when each request runs), {@link CatchUp} (missed versus live at login) and
 * {@link FrameWriter} (frames out). Holds the session's identity. Touched only on its own event loop.
 */
final class Connection implements RequestFlow.Port, Deadlines.Subject, CommandTable.Caller, FrameWriter.Owner,
        Handler<byte[]> {

    /** Whether the connection has a session; closing is the writer's (see {@link #closed}). */
    private enum State { ANONYMOUS, LOGGING_IN, LOGGED_IN }

    private final GatewayVerticle gateway;
    private final String remoteAddress;
    /** When it connected and last sent a complete request, on the gateway's clock (what its {@link Deadlines} measure). */
    private final long connectedNanos;
    private long lastRequestNanos;
    private final RequestDecoder decoder;
    private final RequestFlow flow;
    private final CatchUp catchUp = new CatchUp();
    private final SessionRooms rooms;
    private final FrameWriter out;
    private State state = State.ANONYMOUS;
    private String user;
    private String name;
    private String sessionId;
    private boolean released;
    /** This session's presence JOIN, until its answer (or its failure) is in; the LEAVE must not overtake it. */
    private io.vertx.core.Future<?> presenceJoin = io.vertx.core.Future.succeededFuture();
    /** The IRC side of an IRC connection (created at its first line), else null. */
    private IrcSession irc;

    Connection(GatewayVerticle gateway, Wire wire, RequestFlow.Reads reads, String remoteAddress, Admission.Limits limits) {
        this(gateway, wire, reads, remoteAddress, limits, null);
    }

    /** @param fixed the protocol of a port that speaks only one (the IRC port), or null to detect it */
    Connection(GatewayVerticle gateway, Wire wire, RequestFlow.Reads reads, String remoteAddress, Admission.Limits limits,
               Protocol fixed) {
        this.gateway = gateway;
        this.remoteAddress = remoteAddress;
        this.connectedNanos = gateway.nanoTime().getAsLong();
        this.lastRequestNanos = connectedNanos;
        this.flow = new RequestFlow(new Admission(limits), this, reads);
        this.decoder = new RequestDecoder(gateway.settings().limits().maxFrameBytes(), flow, fixed);
        this.rooms = new SessionRooms(gateway.settings().defaultRoom(), gateway.settings().rooms().autoJoinDefault());
        this.out = new FrameWriter(wire, gateway.encoders(), this);
    }

    /** Bytes from the socket (the connection is its channel's data handler: no lambda per connection). */
    @Override
    public void handle(byte[] bytes) {
        if (!closed()) decoder.feed(bytes);
    }

    @Override
    public void welcome() {
        out.greet();
    }

    @Override
    public void arrived() {
        lastRequestNanos = gateway.nanoTime().getAsLong();
    }

    @Override
    public void run(Request request) {
        if (RequestDecoder.IRC_LINE.equals(request.op())) {
            // One IRC line: its Parley requests are dispatched by the session and answered back to it, so the
            // line's admission slot is returned now (the rate limit has charged it).
            ircSession().handle(request);
            flow.answered();
            return;
        }
        gateway.commands().dispatch(this, request);
    }

    private IrcSession ircSession() {
        if (irc == null) irc = new IrcSession(new IrcSide(), gateway.ircInfo());
        return irc;
    }

    /** What the IRC session does to this connection. */
    private final class IrcSide implements IrcPort {
        @Override
        public void write(byte[] lines) {
            if (!closed()) out.write(lines);
        }

        @Override
        public void request(Request request) {
            if (!closed()) gateway.commands().dispatch(Connection.this, request);
        }

        @Override
        public List<String> channels() {
            List<String> channels = new ArrayList<>();
            if (rooms.contains(rooms.defaultRoom())) channels.add(gateway.settings().rooms().defaultRoom());
            for (String room : rooms.others()) {
                if (!rooms.isDefault(room)) channels.add(rooms.display(room, room));
            }
            return channels;
        }

        @Override
        public int localUsers() {
            return gateway.localUsers();
        }

        @Override
        public void close() {
            out.closeQuietly();
        }
    }

    /** Answers a request that was not admitted: owes no in-flight slot back. */
    @Override
    public void refuse(Reply reply) {
        out.write(reply);
    }

    /** Sends an event, or the one reply to an admitted request, to this connection only. */
    @Override
    public void send(Outbound frame) {
        if (irc != null) {
            // IRC: replies to the session's requests become numerics; events are rendered with its capabilities.
            if (frame instanceof Reply r && irc.reply(r)) return;
            byte[] lines = irc.render(frame);
            if (lines != null && !closed()) out.write(lines);
            return;
        }
        if (frame instanceof Reply) flow.answered();
        out.write(frame);
        Reply last = flow.dueClose();
        if (last != null) closeAfter(last);
    }

    /** Runs {@code action} once everything written so far was handed to the socket. */
    void afterWrites(Runnable action) {
        out.afterWrites(action);
    }

    /**
     * Delivers a private message and runs {@code onWritten} once its bytes were handed to the socket
     * (for a held event: once the login has caught up and written it). False, with {@code onWritten}
     * never run, when it was not taken; if the connection closes first, {@code onWritten} never runs either.
     */
    boolean deliver(EncodedEvent e, Runnable onWritten) {
        boolean holding = catchUp.holding();
        if (!deliver(e)) return false;
        if (holding) catchUp.holdConfirmation(onWritten);
        else out.afterWrites(onWritten);
        return true;
    }

    /** Delivers an event shared with other recipients; true when it was written, or held until the login has caught up. */
    boolean deliver(EncodedEvent e) {
        if (closed() || user == null) return false;
        if (user.equals(e.except)) {
            catchUp.seenOwn(e.room, e.seq);
            return false;
        }
        CatchUp.Verdict verdict = catchUp.offer(e);
        if (verdict == CatchUp.Verdict.HELD) return true;
        if (verdict == CatchUp.Verdict.OVERFLOW) out.slowConsumer();
        if (verdict != CatchUp.Verdict.WRITE) return false;
        byte[] bytes = irc != null ? ircBytes(e) : e.bytes(decoder.protocol());
        if (bytes == null) return false;
        out.write(bytes);
        return true;
    }

    /** An event's IRC lines for this reader: shared per variant, but a co-member's arrival is JOINs in the shared channels. */
    private byte[] ircBytes(EncodedEvent e) {
        if (e.event instanceof PresenceEvent p && p.arrival()) {
            List<String> channels = IrcPresenceJoins.sharedChannels(p, rooms, gateway.settings().rooms().defaultRoom());
            if (channels.isEmpty()) return null;
            // Readers who share the same channels (most share only the default room) get the same bytes, rendered once.
            return e.ircBytes(irc.variant() + " " + String.join(",", channels), () -> irc.joins(p.user(), p.name(), channels));
        }
        return e.ircBytes(irc.variant());
    }

    /** Drops this connection with its unsent output (it is not reading, or the node needs the memory). */
    void slowConsumer() {
        out.slowConsumer();
    }

    /** Says why, then closes once the goodbye is out. */
    @Override
    public void bye(ByeReason reason, String message) {
        out.bye(reason, message);
    }

    /** Sends the final reply, then closes once it is out (after the replies to requests sent before it). */
    void closeAfter(Reply last) {
        if (!closed() && !flow.holdClose(last)) out.closeWith(last);
    }

    /** Output this reader left unread from earlier turns (bytes). */
    long backlogBytes() {
        return out.backlogBytes();
    }

    /** Direct memory held for this connection's output. */
    long memoryBytes() {
        return out.memoryBytes();
    }

    @Override
    public boolean loggedIn() {
        return state == State.LOGGED_IN && !closed();
    }

    boolean anonymous() {
        return state == State.ANONYMOUS && !closed();
    }

    @Override
    public boolean closed() {
        return out.closed();
    }

    boolean loggingInState() {
        return state == State.LOGGING_IN && !closed();
    }

    @Override
    public boolean authenticating() {
        return loggedIn() || loggingInState();
    }

    void loggingIn() {
        state = State.LOGGING_IN;
    }

    void loginFailed() {
        if (state == State.LOGGING_IN) state = State.ANONYMOUS;
    }

    /** A register or login is under way: later requests wait for its answer. */
    void beginAccountOp() {
        flow.beginAccountOp();
    }

    /** The register/login was answered (either way): run the commands that arrived meanwhile. */
    void endAccountOp() {
        flow.endAccountOp();
    }

    /** Authenticated: from now on events for this user are routed here (held until caught up). */
    void authenticated(String user, String name, String sessionId) {
        this.user = user;
        // Most users keep the display name they registered with, their id: one string then, not two per session.
        this.name = name != null && name.equals(user) ? user : name;
        this.sessionId = sessionId;
        this.away = null;
        state = State.LOGGED_IN;
        catchUp.begin();
    }

    /** The away message presence holds for this session (null: here), kept so a re-registration keeps it too. */
    private volatile String away;

    String away() {
        return away;
    }

    void away(String away) {
        this.away = away;
    }

    /** The user changed their display name: what they send from now on carries it. */
    void renamed(String newName) {
        if (user != null && newName != null) this.name = newName;
    }

    /** Login could not complete after authentication (presence unavailable). */
    void backToAnonymous() {
        if (closed()) return;
        user = null;
        name = null;
        sessionId = null;
        catchUp.abandon();
        catchUp.forgetPositions();
        state = State.ANONYMOUS;
    }

    /** See {@link CatchUp#liveAfter}. */
    void liveAfter(String room, long head) {
        catchUp.liveAfter(room, head);
    }

    /** Missed messages were written: release the events held meanwhile (see {@link CatchUp#caughtUp}). */
    void caughtUp(java.util.Map<String, Long> newestReplayed) {
        if (loggedIn()) catchUp.caughtUp(newestReplayed, this::deliver, out::afterWrites);
    }

    /** The rooms this session is in. */
    SessionRooms rooms() {
        return rooms;
    }

    /** A join of {@code room} is under way: its events wait for the reply's head (see {@link CatchUp#joining}). */
    void joining(String room, String typed) {
        rooms.add(room, typed);
        catchUp.joining(room);
    }

    /** Joined {@code room}: messages after {@code head} are this session's. */
    void joinedRoom(String room, String display, long head) {
        if (closed()) return;
        rooms.add(room, display);
        catchUp.joined(room, head, this::deliver);
    }

    /** No longer in {@code room} (parted, kicked, or the join failed). */
    void leftRoom(String room) {
        rooms.remove(room);
        catchUp.left(room);
    }

    /** See {@link CatchUp#openGap}. */
    GapFill.Gap openGap(String room, long from) {
        return catchUp.openGap(room, from);
    }

    /** See {@link CatchUp#hasGap}. */
    boolean hasGap(String room, GapFill.Gap gap) {
        return catchUp.hasGap(room, gap);
    }

    /** See {@link CatchUp#gapFilled}. */
    void closeGap(String room, GapFill.Gap gap, long newest) {
        catchUp.gapFilled(room, gap, newest);
    }

    /** Live events are held (the login's replay is not written yet). */
    boolean holding() {
        return catchUp.holding();
    }

    /** The newest message of {@code room} this session has been given. */
    long lastSeq(String room) {
        return catchUp.lastSeq(room);
    }

    /** Read positions of the indexed rooms, saved when the session leaves (the implicit default room's with the leave). */
    java.util.Map<String, Long> roomPositions() {
        java.util.Map<String, Long> positions = new java.util.HashMap<>();
        for (String room : rooms.others()) positions.put(room, catchUp.lastSeq(room));
        return positions;
    }

    /**
     * Closed for good (the socket closed, or the node is leaving): true only the first time for a
     * connection that had a session, whose departure must then be recorded.
     */
    boolean release() {
        out.markClosed();
        catchUp.abandon();
        boolean first = sessionId != null && !released;
        released = true;
        return first;
    }

    /** The login sent (or is about to send) this session's presence JOIN; see {@link #presenceJoin()}. */
    void joiningPresence(io.vertx.core.Future<?> join) {
        presenceJoin = join;
        // Answered: nothing waits on it any more, so the session does not keep the completed promise.
        join.onComplete(done -> {
            if (presenceJoin == join) presenceJoin = io.vertx.core.Future.succeededFuture();
        });
    }

    /** Completes (never fails) once this session's presence JOIN was answered, or at once if there was none. */
    io.vertx.core.Future<?> presenceJoin() {
        return presenceJoin;
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

    /** The newest default-room message this session has been given; saved as last-seen when it leaves. */
    long lastGroupSeq() {
        return catchUp.lastSeq(rooms.defaultRoom());
    }

    String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Protocol protocol() {
        return decoder.protocol();
    }

    @Override
    public long connectedNanos() {
        return connectedNanos;
    }

    @Override
    public long lastRequestNanos() {
        return lastRequestNanos;
    }

    /** Dropped by its writer (a slow reader, a goodbye): counted and audited by the gateway. */
    @Override
    public void dropped(ByeReason reason) {
        gateway.dropped(this, reason);
    }

    /** A write was accepted: the node checks its output budget. */
    @Override
    public void wrote() {
        gateway.shedIfOverBudget();
    }

    GatewayVerticle gateway() {
        return gateway;
    }
}
