package dev.parley.client;

import dev.parley.client.PendingRequests.Entry;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One user's session across successive connections: matches replies to requests, keeps the
 * login (password in memory only) and, when the link drops unexpectedly, reconnects with backoff,
 * logs in again and resends what was still unanswered. Its state is confined to {@code loop};
 * the public methods may be called from any thread.
 */
final class ClientSession {

    private static final Set<String> ENDED_FOR_GOOD =
            Set.of(ByeReason.REPLACED.name(), ByeReason.KICKED.name(), ByeReason.ACCOUNT_DELETED.name());
    /** Safe to send twice: say/msg carry a cid the server deduplicates, who and ping change nothing. */
    private static final Set<String> RESENDABLE = Set.of(Ops.SAY, Ops.MSG, Ops.WHO, Ops.PING);
    /** Refusals of the automatic login that are worth another attempt rather than logging the user out. */
    private static final Set<String> TRANSIENT = Set.of(ChatError.RATE_LIMITED.name(), ChatError.UNAVAILABLE.name(),
            ChatError.ALREADY_LOGGED_IN.name(), ChatError.INTERNAL.name(), Frames.TIMEOUT, Frames.DISCONNECTED);
    /** The server's mailbox is bounded; this only stops repeated reconnects from growing the list forever. */
    private static final int MAX_MISSED = 1000;

    private final Connector connector;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Backoff backoff;
    private final SessionListener listener;
    private final long replyTimeoutMillis;
    /** Quiet links get a ping this often so the server does not drop us as idle; 0 disables. */
    private final long keepaliveMillis;
    /** Unique per run, so a restarted client is never deduplicated against an earlier one. */
    private final String cidPrefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private final PendingRequests pending = new PendingRequests();
    private final Deque<JsonObject> missed = new ArrayDeque<>();
    /** Private messages may arrive twice (live, then from the mailbox), always with the same id: shown once. */
    private final SeenIds seenPrivate = new SeenIds(MAX_MISSED);

    private Connector.Link link;
    /** Numbers links; callbacks and timers of an older link are ignored. */
    private int generation;
    private boolean connecting;
    /** Link open and, for a logged-in user, authenticated again: queued requests may go out. */
    private boolean ready;
    private Runnable reconnectTimer;
    private int attempts;
    /** A logout is on its way, so the server hanging up is expected. */
    private boolean expectClose;
    /** The user is leaving: never connect again. */
    private boolean closed;
    private String password;
    private boolean sentSinceTick;
    private long seq;
    private volatile String user;
    private volatile boolean lost;

    ClientSession(Connector connector, Scheduler scheduler, Executor loop, Backoff backoff,
                  SessionListener listener, long replyTimeoutMillis, long keepaliveMillis) {
        this.connector = connector;
        this.scheduler = scheduler;
        this.loop = loop;
        this.backoff = backoff;
        this.listener = listener;
        this.replyTimeoutMillis = replyTimeoutMillis;
        this.keepaliveMillis = keepaliveMillis;
    }

    /** Opens the first connection; fails if the server cannot be reached. */
    Future<Void> start() {
        Promise<Void> started = Promise.promise();
        loop.execute(() -> connect().onComplete(started));
        return started.future();
    }

    /** Sends a request (connecting first if needed); always completes with the server's reply or a local error reply. */
    Future<JsonObject> request(JsonObject request) {
        Promise<JsonObject> reply = Promise.promise();
        JsonObject copy = request.copy();
        loop.execute(() -> submit(copy, reply));
        return reply.future();
    }

    /** Stops for good: no more reconnects, the link is closed, unanswered requests complete with CLOSED. */
    Future<Void> close() {
        Promise<Void> done = Promise.promise();
        loop.execute(() -> {
            closed = true;
            cancelReconnect();
            for (Entry entry : pending.removeAll()) {
                entry.cancelTimer.run();
                entry.promise.tryComplete(Frames.localError(entry.op(), Frames.CLOSED, "the client is closing"));
            }
            if (link != null) {
                link.close();
            }
            done.complete();
        });
        return done.future();
    }

    /** Blocks a UI thread (never the loop) until {@code future} completes; a failure is rethrown unchecked. */
    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    boolean loggedIn() {
        return user != null;
    }

    /** The logged-in id, or null. */
    String user() {
        return user;
    }

    /** True when the server ended the session (replaced elsewhere, login refused after a reconnect). */
    boolean lost() {
        return lost;
    }

    /** Messages delivered from the offline mailbox since the user logged in. */
    List<JsonObject> missed() {
        synchronized (missed) {
            return List.copyOf(missed);
        }
    }

    private void submit(JsonObject request, Promise<JsonObject> reply) {
        String op = Frames.op(request);
        if (closed) {
            reply.complete(Frames.localError(op, Frames.CLOSED, "the client is closing"));
            return;
        }
        if (op.equals(Ops.LOGOUT) && link == null && user != null) {
            // no connection means no server session to end; waiting for a reconnect just to log out helps nobody
            cancelReconnect();
            loggedOut();
            JsonObject local = Frames.localError(op, Frames.DISCONNECTED, "not connected; logged out locally");
            listener.reply(request, local);
            reply.complete(local);
            return;
        }
        String rid = "r" + (++seq);
        request.put(Fields.RID, rid);
        if ((op.equals(Ops.SAY) || op.equals(Ops.MSG)) && !request.containsKey(Fields.CID)) {
            request.put(Fields.CID, cidPrefix + seq);
        }
        if (op.equals(Ops.LOGOUT)) {
            expectClose = true;
        }
        Entry entry = pending.add(rid, request, reply, true);
        entry.cancelTimer = scheduler.schedule(replyTimeoutMillis, () -> timeOut(rid));
        if (ready) {
            transmit(entry);
        } else if (link == null && !connecting && reconnectTimer == null) {
            connect();
        }
    }

    private Future<Void> connect() {
        connecting = true;
        int gen = ++generation;
        Connector.Lines lines = new Connector.Lines() {
            @Override
            public void line(String line) {
                if (gen == generation) {
                    onLine(line);
                }
            }

            @Override
            public void closed() {
                if (gen == generation) {
                    onClosed();
                }
            }
        };
        return connector.connect(lines).transform(result -> {
            connecting = false;
            if (result.failed()) {
                connectFailed(result.cause());
                return Future.failedFuture(result.cause());
            }
            opened(result.result(), gen);
            return Future.succeededFuture();
        });
    }

    private void opened(Connector.Link opened, int gen) {
        if (closed) {
            opened.close();
            return;
        }
        link = opened;
        scheduleKeepalive(gen);
        if (user != null) {
            relogin(gen);
        } else {
            online();
        }
    }

    private void relogin(int gen) {
        String rid = "r" + (++seq);
        Promise<JsonObject> reply = Promise.promise();
        Entry entry = pending.add(rid, Frames.login(user, password).put(Fields.RID, rid), reply, false);
        entry.cancelTimer = scheduler.schedule(replyTimeoutMillis, () -> timeOut(rid));
        transmit(entry);
        reply.future().onSuccess(frame -> relogged(gen, frame));
    }

    private void relogged(int gen, JsonObject reply) {
        if (gen != generation || link == null) {
            return;
        }
        if (Frames.ok(reply)) {
            listener.status(new SessionStatus.Reconnected(user));
            online();
            return;
        }
        String code = Frames.errorCode(reply);
        if (TRANSIENT.contains(code)) {
            link.close();
            return;
        }
        loggedOut();
        lost = true;
        listener.status(new SessionStatus.ReloginFailed(code, Frames.errorMessage(reply)));
        online();
    }

    private void online() {
        ready = true;
        attempts = 0;
        backoff.reset();
        pending.unsent().forEach(this::transmit);
    }

    private void onLine(String line) {
        // The server greets a silent connection in its text protocol ("* Welcome ..."): not for us.
        if (line.isBlank() || line.startsWith("* ")) {
            return;
        }
        JsonObject frame;
        try {
            frame = new JsonObject(line);
        } catch (DecodeException | ClassCastException notAnObject) {
            listener.status(new SessionStatus.BadFrame(line));
            return;
        }
        String op = Frames.op(frame);
        if (Ops.isEvent(op) && !frame.containsKey(Fields.OK)) {
            onEvent(frame, op);
            return;
        }
        Entry entry = pending.take(frame);
        if (entry != null) {
            complete(entry, frame);
        } else if (!op.equals(Ops.PONG)) {
            listener.event(frame);
        }
    }

    private void onEvent(JsonObject frame, String op) {
        if (op.equals(Ops.MESSAGE) && Fields.KIND_PRIVATE.equals(frame.getString(Fields.KIND))
                && frame.getValue(Fields.ID) instanceof String id && !seenPrivate.firstTime(id)) {
            return;
        }
        if (op.equals(Ops.MESSAGE) && Boolean.TRUE.equals(frame.getValue(Fields.OFFLINE))) {
            synchronized (missed) {
                if (missed.size() == MAX_MISSED) {
                    missed.removeFirst();
                }
                missed.addLast(frame);
            }
        }
        // The server ended this session on purpose: logging in again by ourselves would undo it.
        if (op.equals(Ops.BYE) && user != null && ENDED_FOR_GOOD.contains(frame.getString(Fields.REASON))) {
            loggedOut();
            lost = true;
        }
        listener.event(frame);
    }

    private void complete(Entry entry, JsonObject reply) {
        entry.cancelTimer.run();
        if (entry.visible) {
            apply(entry.request, reply);
            listener.reply(entry.request, reply);
        }
        entry.promise.tryComplete(reply);
    }

    /** The only replies that change session state. */
    private void apply(JsonObject request, JsonObject reply) {
        String op = Frames.op(request);
        boolean ok = Frames.ok(reply);
        if (op.equals(Ops.LOGIN) && ok) {
            user = reply.getString(Fields.USER, request.getString(Fields.USER));
            password = request.getString(Fields.PASSWORD);
            lost = false;
            synchronized (missed) {
                missed.clear();
            }
        } else if (op.equals(Ops.PASSWORD) && ok) {
            // A reconnect logs in again with the password it holds: it must be the new one.
            password = request.getString(Fields.NEW_PASSWORD);
        } else if (op.equals(Ops.DELETE_ACCOUNT) && ok) {
            // The server says bye next and closes: that is the expected end, not a reason to reconnect.
            expectClose = true;
            loggedOut();
        } else if (op.equals(Ops.LOGOUT)) {
            if (ok) {
                loggedOut();
            } else {
                expectClose = false;
            }
        }
    }

    private void timeOut(String rid) {
        Entry entry = pending.remove(rid);
        if (entry != null) {
            String note = RESENDABLE.contains(entry.op()) && !entry.op().equals(Ops.WHO) && !entry.op().equals(Ops.PING)
                    ? "; it may or may not have been delivered" : "";
            complete(entry, Frames.localError(entry.op(), "TIMEOUT",
                    "no reply within " + replyTimeoutMillis / 1000 + " s" + note));
        }
    }

    private void onClosed() {
        link = null;
        ready = false;
        boolean expected = expectClose || closed;
        if (expectClose) {
            loggedOut();
        }
        expectClose = false;
        boolean reconnect = user != null && !closed;
        for (Entry entry : pending.sent()) {
            if (reconnect && entry.visible && RESENDABLE.contains(entry.op())) {
                entry.sent = false;
            } else {
                pending.remove(entry.rid);
                complete(entry, Frames.localError(entry.op(), Frames.DISCONNECTED, "the connection closed before the reply"));
            }
        }
        if (reconnect) {
            scheduleReconnect();
        } else if (!closed && !pending.isEmpty()) {
            connect();
        } else if (!expected) {
            listener.status(new SessionStatus.Disconnected());
        }
    }

    private void connectFailed(Throwable cause) {
        if (user != null && !closed) {
            scheduleReconnect();
            return;
        }
        for (Entry entry : pending.removeAll()) {
            complete(entry, Frames.localError(entry.op(), Frames.CONNECT_FAILED, "cannot reach the server: " + cause.getMessage()));
        }
    }

    private void scheduleReconnect() {
        attempts++;
        long delay = backoff.nextDelayMillis();
        listener.status(new SessionStatus.Reconnecting(delay, attempts));
        reconnectTimer = scheduler.schedule(delay, () -> {
            reconnectTimer = null;
            if (!closed) {
                connect();
            }
        });
    }

    private void cancelReconnect() {
        if (reconnectTimer != null) {
            reconnectTimer.run();
            reconnectTimer = null;
        }
    }

    private void scheduleKeepalive(int gen) {
        if (keepaliveMillis <= 0) {
            return;
        }
        scheduler.schedule(keepaliveMillis, () -> {
            if (gen != generation || link == null) {
                return;
            }
            if (ready && user != null && !sentSinceTick) {
                link.send(Frames.ping().encode());
            }
            sentSinceTick = false;
            scheduleKeepalive(gen);
        });
    }

    private void transmit(Entry entry) {
        link.send(entry.request.encode());
        entry.sent = true;
        sentSinceTick = true;
    }

    private void loggedOut() {
        user = null;
        password = null;
    }
}
