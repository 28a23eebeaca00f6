package dev.parley.gateway;

import dev.parley.config.ListenFailure;
import dev.parley.gateway.irc.IrcServerInfo;
import dev.parley.logging.Audit;
import dev.parley.ops.ParleyMetrics;
import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.MessageEvent;
import dev.parley.service.presence.LeaveRequest;
import dev.parley.service.room.ReadPositionsRequest;
import dev.parley.service.room.RoomAddresses;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The TCP front door. Several instances share the port, one event loop each. Holds connections and
 * nothing else: every decision is made by the services behind the event bus.
 */
public final class GatewayVerticle extends VerticleBase {
    // Refusals happen before the protocol is known: answered as one JSON line, readable by humans too.
    private static final byte[] TOO_MANY = JsonLineEncoder.encode(new ByeEvent(ByeReason.TOO_MANY_CONNECTIONS));

    /** How late past its delay an unconfirmed same-node private message may be stored. */
    private static final long CONFIRMATION_SWEEP_MILLIS = 100;

    /** Requests being answered at once per connection; past this the socket is not read. */
    private static final int MAX_IN_FLIGHT = 64;

    private static final byte[] SHUTTING_DOWN = JsonLineEncoder.encode(new ByeEvent(ByeReason.SHUTDOWN));

    private final GatewaySettings settings;
    private final GatewayNode node;
    /** The clock every deadline and rate limit of these connections reads. */
    private final LongSupplier nanoTime;
    /** Unordered: nothing depends on the order connections are visited in (a plain set entry is 8 B smaller). */
    private final Set<Connection> connections = new HashSet<>();
    /** Every connection's rate limit and in-flight cap, shared: each connection's {@link Admission} holds only its counts. */
    private final Admission.Limits admissionLimits;
    private NetServer server;
    /** The same front door behind TLS; null when no certificate is configured. */
    private NetServer tlsServer;
    /** The IRC port (irc.port); null when it is 0. IRC is detected on the chat port anyway. */
    private NetServer ircServer;
    /** IRC behind TLS (irc.tlsPort), with the chat port's certificate; null when either is not configured. */
    private NetServer ircTlsServer;
    private IrcServerInfo ircInfo;
    private int ircPort;
    private CommandTable<Connection> commands;
    /** Which of this instance's connections are in which room, and the fan-out of rooms' events to them. */
    private InstanceRooms rooms;
    private int actualPort;
    private Deadlines deadlines;
    /** Same-node private messages waiting for their write to be confirmed ({@link ChatCommands}). */
    private DelayQueue confirmations;
    private BacklogShedder shedder;
    /**
     * Departures under way, at most limits.accountOpsInFlight; the others wait here. A mass disconnect (15,000
     * sessions of a node at once) otherwise sent every LEAVE at once into the store's connection pool, overflowed
     * its wait queue, and the logins of the reconnect storm that follows failed behind them.
     */
    private AccountOpGate departures;
    /** Set at shutdown: new connections are turned away while the existing ones are said goodbye to. */
    private boolean stopping;

    GatewayVerticle(GatewaySettings settings, GatewayNode node, LongSupplier nanoTime) {
        this.settings = settings;
        this.node = node;
        this.nanoTime = nanoTime;
        this.admissionLimits = new Admission.Limits(settings.limits().ratePerSecond(), settings.limits().rateBurst(),
                MAX_IN_FLIGHT, nanoTime);
    }

    @Override
    public Future<?> start() {
        rooms = new InstanceRooms(settings, connections, new RoomMembers<>(new RoomMembers.Upstream() {
            @Override
            public Future<Long> acquire(String room) {
                return node.acquireRoom(room, GatewayVerticle.this);
            }

            @Override
            public void release(String room) {
                node.releaseRoom(room, GatewayVerticle.this);
            }
        }), this::counted, node.metrics());
        commands = CommandTable.standard(new GatewayServices(vertx.eventBus(), settings, node.nodeId(), node.sessions(), node.metrics(), node));
        NetServerOptions options = new NetServerOptions()
                .setHost(settings.server().host())
                .setPort(settings.server().port())
                .setTcpNoDelay(true)
                .setAcceptBacklog(settings.server().acceptBacklog());
        server = vertx.createNetServer(options).connectHandler(this::accept);
        deadlines = new Deadlines(settings.limits().idleTimeoutSeconds(), settings.limits().loginTimeoutSeconds(), nanoTime);
        departures = new AccountOpGate(settings.limits().accountOpsInFlight());
        shedder = new BacklogShedder(node.outputBudget(), connections, task -> context.runOnContext(v -> task.run()));
        vertx.setPeriodic(deadlines.sweepMillis(), id -> deadlines.sweep(connections));
        confirmations = new DelayQueue(ChatCommands.CONFIRM_MILLIS, nanoTime);
        vertx.setPeriodic(CONFIRMATION_SWEEP_MILLIS, id -> confirmations.sweep());
        measureLoopLag();
        node.sessions().addGateway(this);
        Future<?> tls = Future.succeededFuture();
        if (node.tlsIdentity() != null) {
            tlsServer = TlsListener.create(vertx, options, settings.server().tlsPort(), node.tlsIdentity(), this::accept);
            tls = TlsListener.listen(tlsServer, settings.server().host(), settings.server().tlsPort()).onSuccess(node::tlsListening);
        }
        ircInfo = IrcServerInfo.of(settings.irc(), settings.limits(), settings.rooms(), node.encoders().irc(),
                java.time.Instant.now().toString());
        Future<?> irc = Future.succeededFuture();
        if (settings.irc().port() != 0) {
            NetServerOptions ircOptions = new NetServerOptions(options).setPort(settings.irc().port());
            ircServer = vertx.createNetServer(ircOptions).connectHandler(s -> accept(s, Protocol.IRC));
            irc = ircServer.listen().onSuccess(s -> ircPort = s.actualPort())
                    .recover(t -> Future.failedFuture(ListenFailure.explain(t, "IRC port", settings.server().host(),
                            settings.irc().port(), "irc.port", "PARLEY_IRC_PORT")));
        }
        Future<?> ircTls = Future.succeededFuture();
        if (settings.irc().tlsPort() != 0 && node.tlsIdentity() != null) {
            NetServerOptions ircOptions = new NetServerOptions(options).setPort(settings.irc().tlsPort());
            ircTlsServer = TlsListener.create(vertx, ircOptions, settings.irc().tlsPort(), node.tlsIdentity(), s -> accept(s, Protocol.IRC));
            ircTls = TlsListener.listen(ircTlsServer, "IRC TLS port", settings.server().host(), settings.irc().tlsPort(), "irc.tlsPort")
                    .onSuccess(node::ircTlsListening);
        }
        Future<NetServer> plain = server.listen().onSuccess(s -> actualPort = s.actualPort())
                .recover(t -> Future.failedFuture(ListenFailure.explain(t, "chat port", settings.server().host(),
                        settings.server().port(), "server.port", "--port")));
        return Future.all(plain, tls, irc, ircTls);
    }

    /** Graceful: tells every user, records their departure, then closes. */
    @Override
    public Future<?> stop() {
        stopping = true;
        node.sessions().removeGateway(this);
        List<Future<?>> leaving = new ArrayList<>();
        for (Connection c : new ArrayList<>(connections)) {
            c.bye(ByeReason.SHUTDOWN, null);
            leaving.add(release(c));
        }
        return Future.join(leaving).transform(v -> Future.join(server.close(),
                tlsServer == null ? Future.succeededFuture() : tlsServer.close(),
                ircServer == null ? Future.succeededFuture() : ircServer.close(),
                ircTlsServer == null ? Future.succeededFuture() : ircTlsServer.close()).mapEmpty());
    }

    int actualPort() {
        return actualPort;
    }

    /** The IRC port's actual port; 0 when there is none. */
    int ircPort() {
        return ircPort;
    }

    IrcServerInfo ircInfo() {
        return ircInfo;
    }

    /** Logged-in connections of this instance. */
    int localUsers() {
        int n = 0;
        for (Connection c : connections) if (c.loggedIn()) n++;
        return n;
    }

    GatewaySettings settings() {
        return settings;
    }

    CommandTable<Connection> commands() {
        return commands;
    }

    /** This instance's rooms; used on its event loop only. */
    InstanceRooms rooms() {
        return rooms;
    }

    /** The clock every deadline and rate limit of these connections reads. */
    LongSupplier nanoTime() {
        return nanoTime;
    }

    Encoders encoders() {
        return node.encoders();
    }

    /** Runs a task on this instance's event loop, where its connections live. */
    void runOnLoop(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    /** Whether other nodes exist to route to this one (see {@link GapFill}: a single node has no routing gap). */
    boolean clustered() {
        return vertx.isClustered();
    }

    /** Runs a task on this instance's event loop after {@code millis}; returns the timer's id. */
    long timer(long millis, Runnable task) {
        return vertx.setTimer(millis, id -> context.runOnContext(v -> task.run()));
    }

    /** Runs {@code task} on this event loop after {@link ChatCommands#CONFIRM_MILLIS} unless cancelled first. Call on this loop. */
    DelayQueue.Timeout confirmationTimeout(Runnable task) {
        // Queued behind the loop's pending tasks, as a Vert.x timer's task was: a confirmation already waiting
        // in the queue still comes first (under load the queue can be long).
        return confirmations.add(() -> runOnLoop(task));
    }

    /** Runs a task now when called on this instance's event loop, else on it as {@link #runOnLoop} does. */
    void runHere(Runnable task) {
        if (context == Vertx.currentContext()) task.run();
        else runOnLoop(task);
    }

    /**
     * Delivers a shared event to every logged-in connection of this instance that is in its room (events of the
     * implicit default room, and of no room, reach everyone). Runs on its event loop.
     */
    void broadcast(EncodedEvent e) {
        long written = 0;
        for (Connection c : connections) {
            if ((e.room == null || c.rooms().contains(e.room)) && c.deliver(e)) written++;
        }
        counted(e, written);
        if (e.event instanceof MessageEvent msg) node.metrics().recordDeliveryLatency(msg.ts());
    }

    /** Counts a goodbye and records it in the audit trail (a shutdown is the node's event, not each user's). */
    void dropped(Connection c, ByeReason reason) {
        countBye(reason);
        if (reason == ByeReason.SHUTDOWN) return;
        Audit.Event event = switch (reason) {
            case REPLACED -> Audit.Event.REPLACED;
            case KICKED -> Audit.Event.KICKED;
            case ACCOUNT_DELETED -> Audit.Event.ACCOUNT_DELETED;
            default -> Audit.Event.DROPPED;
        };
        node.audit().user(event, c.user(), c.remoteAddress(), reason.name());
    }

    void countBye(ByeReason reason) {
        node.metrics().disconnect(reason.name());
    }

    /** Over the node's output budget: drops this instance's largest unread backlogs (see {@link BacklogShedder}). */
    void shedIfOverBudget() {
        shedder.shedIfOver();
    }

    /** Counts deliveries of a shared event, once per batch rather than per recipient. */
    void counted(EncodedEvent e, long written) {
        ParleyMetrics m = node.metrics();
        if (e.event instanceof MessageEvent msg) {
            if (msg.group()) {
                m.groupOut.increment(written);
                m.fanoutDeliveries.increment(written);
            } else {
                m.privateOut.increment(written);
            }
        } else if (e.event instanceof dev.parley.protocol.PresenceEvent) {
            m.presenceOut.increment(written);
        }
    }

    private void accept(NetSocket socket) {
        accept(socket, null);
    }

    private void accept(NetSocket socket, Protocol fixed) {
        // Interned: clients behind one address (NAT, a proxy, a load generator) share one string for their sessions'
        // lifetime rather than one each; the JVM's string table drops it once no connection holds it.
        String address = socket.remoteAddress() == null ? "?" : socket.remoteAddress().hostAddress().intern();
        if (stopping) {
            socket.write(io.vertx.core.buffer.Buffer.buffer(SHUTTING_DOWN)).onComplete(v -> socket.close());
            return;
        }
        if (!node.limiter().tryAcquire(address)) {
            countBye(ByeReason.TOO_MANY_CONNECTIONS);
            socket.write(io.vertx.core.buffer.Buffer.buffer(TOO_MANY)).onComplete(v -> socket.close());
            return;
        }
        ChatChannel channel = ChatChannel.replace(socket, (io.vertx.core.internal.ContextInternal) context);
        Connection c = new Connection(this, new Outbox(channel.context(), settings.limits().slowConsumerBytes(), node.outputBudget(),
                        settings.server().coalesceMicros() * 1000L),
                channel, address, admissionLimits, fixed);
        connections.add(c);
        channel.onData(c);
        channel.onClose(() -> {
            node.limiter().release(address);
            connections.remove(c);
            release(c);
        });
    }

    /**
     * Forgets the session, takes it out of its rooms and tells presence (once per connection, whichever exit
     * path came first); the rooms' read positions go to the rooms service (the default room's with the leave).
     */
    Future<?> release(Connection c) {
        if (!c.release()) return Future.succeededFuture();
        node.sessions().remove(c);
        Map<String, Long> positions = c.roomPositions();
        rooms.leaveAll(c);
        if (!positions.isEmpty()) {
            vertx.eventBus().request(RoomAddresses.READ, new ReadPositionsRequest(c.user(), positions).toJson());
        }
        LeaveRequest leave = new LeaveRequest(c.user(), c.sessionId(), c.lastGroupSeq());
        PresenceEntry departed = new PresenceEntry(c.user(), c.name(), node.nodeId(), c.sessionId());
        // After the login's JOIN, never before it: a LEAVE that overtook its JOIN (closed mid-login, e.g. by a
        // client that gave up on a frozen node) removed nothing, and the JOIN then left a ghost for good.
        return c.presenceJoin().transform(joined -> depart(leave))
                .onFailure(t -> node.leaveFailed(departed));
    }

    /** Sends a LEAVE when one of the departure slots is free (see {@link #departures}); on this event loop. */
    private Future<?> depart(LeaveRequest leave) {
        io.vertx.core.Promise<io.vertx.core.eventbus.Message<Object>> left = io.vertx.core.Promise.promise();
        runHere(() -> {
            if (departures.full()) node.metrics().departuresQueued.increment();
            departures.submit(() -> vertx.eventBus().request(PresenceAddresses.LEAVE, leave.toJson()).onComplete(ar -> {
                departures.done();
                left.handle(ar);
            }));
        });
        return left.future();
    }

    /** A 1 s timer on this event loop: how late it fires is how long connections wait for their turn. */
    private void measureLoopLag() {
        long[] last = {System.nanoTime()};
        vertx.setPeriodic(1000, id -> {
            long now = System.nanoTime();
            long lateNanos = Math.max(0, now - last[0] - 1_000_000_000L);
            last[0] = now;
            node.metrics().eventLoopLag.record(lateNanos / 1e9);
        });
    }
}
