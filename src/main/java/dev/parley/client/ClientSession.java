package dev.parley.client;

import dev.parley.client.PendingRequests.Entry;
import dev.parley.protocol.Ops;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One user's session across successive connections: matches replies to requests ({@link RequestTracker}), keeps
 * the login ({@link LoginState}) and, when the link ({@link LinkKeeper}) drops unexpectedly, reconnects, logs in
 * again and resends what was still unanswered ({@link SessionRecovery}). Its state is confined to {@code loop};
 * the public methods may be called from any thread.
 */
final class ClientSession {

    private final Executor loop;
    private final SessionListener listener;
    private final LoginState login = new LoginState();
    private final CurrentRoom room = new CurrentRoom();
    private final RequestTracker requests;
    private final LinkKeeper links;

    ClientSession(Connector connector, Scheduler scheduler, Executor loop, Backoff backoff,
                  SessionListener listener, long replyTimeoutMillis, long keepaliveMillis) {
        this.loop = loop;
        this.listener = listener;
        this.requests = new RequestTracker(scheduler, replyTimeoutMillis, (request, reply) -> {
            login.apply(request, reply);
            room.apply(request, reply);
            listener.reply(request, reply);
        });
        FrameDispatcher dispatcher = new FrameDispatcher(requests, login, room, listener);
        this.links = new LinkKeeper(connector, scheduler, backoff, listener, keepaliveMillis, login::loggedIn,
                dispatcher::line);
        links.reportTo(new SessionRecovery(links, requests, login, listener));
    }

    /** Opens the first connection; fails if the server cannot be reached. */
    Future<Void> start() {
        Promise<Void> started = Promise.promise();
        loop.execute(() -> links.connect().onComplete(started));
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
            links.shutDown();
            // before the link closes, so they end as CLOSED rather than as a lost connection
            requests.abandonAll();
            links.closeLink();
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
        return login.loggedIn();
    }

    /** The logged-in id, or null. */
    String user() {
        return login.user();
    }

    /** The room plain text goes to, or null for the default room. */
    String room() {
        return room.get();
    }

    /** True when the server ended the session (replaced elsewhere, login refused after a reconnect). */
    boolean lost() {
        return login.lost();
    }

    /** Messages delivered from the offline mailbox since the user logged in. */
    List<JsonObject> missed() {
        return login.missed();
    }

    private void submit(JsonObject request, Promise<JsonObject> reply) {
        String op = Frames.op(request);
        if (links.isShutDown()) {
            reply.complete(Frames.localError(op, Frames.CLOSED, "the client is closing"));
            return;
        }
        if (op.equals(Ops.LOGOUT) && !links.hasLink() && login.loggedIn()) {
            // no connection means no server session to end; waiting for a reconnect just to log out helps nobody
            links.cancelReconnect();
            login.loggedOut();
            JsonObject local = Frames.localError(op, Frames.DISCONNECTED, "not connected; logged out locally");
            listener.reply(request, local);
            reply.complete(local);
            return;
        }
        Entry entry = requests.track(request, reply, true);
        if (op.equals(Ops.LOGOUT)) {
            login.logoutSent();
        }
        if (links.ready()) {
            links.transmit(entry);
        } else if (links.idle()) {
            links.connect();
        }
    }
}
