package dev.parley.gateway;

import dev.parley.config.ParleyConfig;
import dev.parley.ops.ParleyMetrics;
import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.MessageEvent;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The TCP front door. Several instances share the port, one event loop each. Holds connections and
 * nothing else: every decision is made by the services behind the event bus.
 */
public final class GatewayVerticle extends VerticleBase {
    // Refusals happen before the protocol is known: answered as one JSON line, readable by humans too.
    private static final byte[] TOO_MANY = JsonLineEncoder.encode(new ByeEvent(ByeReason.TOO_MANY_CONNECTIONS));

    private static final byte[] SHUTTING_DOWN = JsonLineEncoder.encode(new ByeEvent(ByeReason.SHUTDOWN));

    private final ParleyConfig config;
    private final GatewayNode node;
    private final Set<Connection> connections = new LinkedHashSet<>();
    private NetServer server;
    private CommandTable commands;
    private int actualPort;
    /** Set at shutdown: new connections are turned away while the existing ones are said goodbye to. */
    private boolean stopping;

    GatewayVerticle(ParleyConfig config, GatewayNode node) {
        this.config = config;
        this.node = node;
    }

    @Override
    public Future<?> start() {
        commands = new CommandTable(new GatewayServices(vertx.eventBus(), config, node.nodeId(), node.sessions(), node.metrics(), node));
        NetServerOptions options = new NetServerOptions()
                .setHost(config.server().host())
                .setPort(config.server().port())
                .setTcpNoDelay(true)
                .setAcceptBacklog(config.server().acceptBacklog());
        server = vertx.createNetServer(options).connectHandler(this::accept);
        long sweepMillis = Math.max(1000, Math.min(5000, config.limits().idleTimeoutSeconds() * 250L));
        vertx.setPeriodic(sweepMillis, id -> sweepIdle());
        measureLoopLag();
        node.sessions().addGateway(this);
        return server.listen().onSuccess(s -> actualPort = s.actualPort());
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
        return Future.join(leaving).transform(v -> server.close());
    }

    int actualPort() {
        return actualPort;
    }

    ParleyConfig settings() {
        return config;
    }

    CommandTable commands() {
        return commands;
    }

    Encoders encoders() {
        return node.encoders();
    }

    /** Counts a connection this node closed, by reason (for metrics). */
    void disconnected(ByeReason reason) {
        node.metrics().disconnect(reason.name());
    }

    /** Runs a task on this instance's event loop, where its connections live. */
    void runOnLoop(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    /** Delivers a shared event to every logged-in connection of this instance. Runs on its event loop. */
    void broadcast(EncodedEvent e) {
        long written = 0;
        for (Connection c : connections) {
            if (c.deliver(e)) written++;
        }
        counted(e, written);
        if (e.event instanceof MessageEvent msg) node.metrics().recordDeliveryLatency(msg.ts());
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
        String address = socket.remoteAddress() == null ? "?" : socket.remoteAddress().hostAddress();
        if (stopping) {
            socket.write(io.vertx.core.buffer.Buffer.buffer(SHUTTING_DOWN)).onComplete(v -> socket.close());
            return;
        }
        if (!node.limiter().tryAcquire(address)) {
            socket.write(io.vertx.core.buffer.Buffer.buffer(TOO_MANY)).onComplete(v -> socket.close());
            return;
        }
        Connection c = new Connection(this, socket, address,
                new TokenBucket(config.limits().ratePerSecond(), config.limits().rateBurst(), System::nanoTime),
                config.limits().slowConsumerBytes());
        connections.add(c);
        socket.handler(c::onData);
        socket.exceptionHandler(t -> socket.close());
        socket.closeHandler(v -> {
            node.limiter().release(address);
            connections.remove(c);
            release(c);
        });
        if (config.server().greetingDelayMs() > 0) {
            vertx.setTimer(config.server().greetingDelayMs(), id -> c.greetIfSilent());
        }
    }

    /** Forgets the session and tells presence (once per connection, whichever exit path came first). */
    Future<?> release(Connection c) {
        boolean hadSession = c.hadSession() && !c.released();
        c.markClosed();
        if (!hadSession) return Future.succeededFuture();
        c.markReleased();
        node.sessions().remove(c);
        JsonObject leave = new JsonObject().put("user", c.user()).put("session", c.sessionId())
                .put("lastGroupSeq", c.lastGroupSeq());
        PresenceEntry departed = new PresenceEntry(c.user(), c.name(), node.nodeId(), c.sessionId());
        return vertx.eventBus().request(PresenceAddresses.LEAVE, leave).onFailure(t -> node.leaveFailed(departed));
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

    private void sweepIdle() {
        long limit = TimeUnit.SECONDS.toNanos(config.limits().idleTimeoutSeconds());
        long now = System.nanoTime();
        for (Connection c : new ArrayList<>(connections)) {
            if (now - c.lastActivityNanos() > limit) {
                c.bye(ByeReason.IDLE, "no activity for " + config.limits().idleTimeoutSeconds() + " s");
            }
        }
    }
}
