package dev.parley.client;

import dev.parley.protocol.ChatError;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * What the session does as its link opens, drops or fails to open: logs the user in again, sends what waited,
 * keeps what is safe to resend, and decides between reconnecting and giving up. Confined to the session's loop.
 */
final class SessionRecovery implements LinkKeeper.Events {

    /** Refusals of the automatic login that are worth another attempt rather than logging the user out. */
    private static final Set<String> TRANSIENT = Set.of(ChatError.RATE_LIMITED.name(), ChatError.UNAVAILABLE.name(),
            ChatError.ALREADY_LOGGED_IN.name(), ChatError.INTERNAL.name(), Frames.TIMEOUT, Frames.DISCONNECTED);

    private final LinkKeeper links;
    private final RequestTracker requests;
    private final LoginState login;
    private final SessionListener listener;

    SessionRecovery(LinkKeeper links, RequestTracker requests, LoginState login, SessionListener listener) {
        this.links = links;
        this.requests = requests;
        this.login = login;
        this.listener = listener;
    }

    @Override
    public void opened(int generation) {
        if (login.loggedIn()) {
            relogin(generation);
        } else {
            online();
        }
    }

    @Override
    public void closed() {
        boolean leaving = login.linkClosed();
        boolean expected = leaving || links.isShutDown();
        boolean reconnect = login.loggedIn() && !links.isShutDown();
        requests.linkLost(reconnect);
        if (reconnect) {
            links.scheduleReconnect();
        } else if (!links.isShutDown() && !requests.isEmpty()) {
            links.connect();
        } else if (!expected) {
            listener.status(new SessionStatus.Disconnected());
        }
    }

    @Override
    public void connectFailed(Throwable cause) {
        if (login.loggedIn() && !links.isShutDown()) {
            links.scheduleReconnect();
            return;
        }
        requests.failAll(Frames.CONNECT_FAILED, "cannot reach the server: " + cause.getMessage());
    }

    private void relogin(int generation) {
        Promise<JsonObject> reply = Promise.promise();
        links.transmit(requests.track(Frames.login(login.user(), login.password()), reply, false));
        reply.future().onSuccess(frame -> relogged(generation, frame));
    }

    private void relogged(int generation, JsonObject reply) {
        if (!links.isCurrent(generation)) {
            return;
        }
        if (Frames.ok(reply)) {
            listener.status(new SessionStatus.Reconnected(login.user()));
            online();
            return;
        }
        String code = Frames.errorCode(reply);
        if (TRANSIENT.contains(code)) {
            links.closeLink();
            return;
        }
        login.lose();
        listener.status(new SessionStatus.ReloginFailed(code, Frames.errorMessage(reply)));
        online();
    }

    private void online() {
        links.online();
        requests.unsent().forEach(links::transmit);
    }
}
