package dev.parley.client;

import dev.parley.client.PendingRequests.Entry;
import io.vertx.core.Future;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The session's current link to the server: opens it, numbers successive links so an old one's callbacks are
 * ignored, pings a quiet link and schedules reconnects with backoff. Confined to the session's loop.
 */
final class LinkKeeper {

    /** What happens to links, reported on the loop for the current link only. */
    interface Events {
        /** A link opened; {@code generation} names it for {@link #isCurrent}. */
        void opened(int generation);

        void closed();

        void connectFailed(Throwable cause);
    }

    private final Connector connector;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final SessionListener listener;
    /** Quiet links get a ping this often so the server does not drop us as idle; 0 disables. */
    private final long keepaliveMillis;
    /** Only a logged-in user can be dropped as idle. */
    private final BooleanSupplier loggedIn;
    private final Consumer<String> lines;
    private Events events;

    private Connector.Link link;
    /** Numbers links; callbacks and timers of an older link are ignored. */
    private int generation;
    private boolean connecting;
    /** Link open and, for a logged-in user, authenticated again: queued requests may go out. */
    private boolean ready;
    private Runnable reconnectTimer;
    private int attempts;
    /** The user is leaving: never connect again. */
    private boolean shutDown;
    private boolean sentSinceTick;

    LinkKeeper(Connector connector, Scheduler scheduler, Backoff backoff, SessionListener listener,
               long keepaliveMillis, BooleanSupplier loggedIn, Consumer<String> lines) {
        this.connector = connector;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.listener = listener;
        this.keepaliveMillis = keepaliveMillis;
        this.loggedIn = loggedIn;
        this.lines = lines;
    }

    /** Set once, before the first connect: the reactions need this keeper too. */
    void reportTo(Events events) {
        this.events = events;
    }

    Future<Void> connect() {
        connecting = true;
        int gen = ++generation;
        Connector.Lines received = new Connector.Lines() {
            @Override
            public void line(String line) {
                if (gen == generation) {
                    lines.accept(line);
                }
            }

            @Override
            public void closed() {
                if (gen == generation) {
                    link = null;
                    ready = false;
                    events.closed();
                }
            }
        };
        return connector.connect(received).transform(result -> {
            connecting = false;
            if (result.failed()) {
                events.connectFailed(result.cause());
                return Future.failedFuture(result.cause());
            }
            opened(result.result(), gen);
            return Future.succeededFuture();
        });
    }

    /** No link, none opening and none scheduled: a request has to connect by itself. */
    boolean idle() {
        return link == null && !connecting && reconnectTimer == null;
    }

    boolean hasLink() {
        return link != null;
    }

    boolean isCurrent(int gen) {
        return gen == generation && link != null;
    }

    boolean ready() {
        return ready;
    }

    /** The link may carry requests now; the next drop starts the backoff afresh. */
    void online() {
        ready = true;
        attempts = 0;
        backoff.reset();
    }

    void transmit(Entry entry) {
        link.send(entry.request.encode());
        entry.sent = true;
        sentSinceTick = true;
    }

    void closeLink() {
        if (link != null) {
            link.close();
        }
    }

    boolean isShutDown() {
        return shutDown;
    }

    /** Never connects again; the link itself stays open until {@link #closeLink}. */
    void shutDown() {
        shutDown = true;
        cancelReconnect();
    }

    void scheduleReconnect() {
        attempts++;
        long delay = backoff.nextDelayMillis();
        listener.status(new SessionStatus.Reconnecting(delay, attempts));
        reconnectTimer = scheduler.schedule(delay, () -> {
            reconnectTimer = null;
            if (!shutDown) {
                connect();
            }
        });
    }

    void cancelReconnect() {
        if (reconnectTimer != null) {
            reconnectTimer.run();
            reconnectTimer = null;
        }
    }

    private void opened(Connector.Link opened, int gen) {
        if (shutDown) {
            opened.close();
            return;
        }
        link = opened;
        scheduleKeepalive(gen);
        events.opened(gen);
    }

    private void scheduleKeepalive(int gen) {
        if (keepaliveMillis <= 0) {
            return;
        }
        scheduler.schedule(keepaliveMillis, () -> {
            if (gen != generation || link == null) {
                return;
            }
            if (ready && loggedIn.getAsBoolean() && !sentSinceTick) {
                link.send(Frames.ping().encode());
            }
            sentSinceTick = false;
            scheduleKeepalive(gen);
        });
    }
}
