package dev.parley.client;

import dev.parley.protocol.ByeReason;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Who is logged in and with which password (held in memory only, for the login after a reconnect), whether a
 * logout is on its way, and what the user missed while away. Written on the session's loop; the getters may be
 * read from any thread.
 */
final class LoginState {

    /** The server's mailbox is bounded; this only stops repeated reconnects from growing the list forever. */
    static final int MAX_MISSED = 1000;
    private static final Set<String> ENDED_FOR_GOOD =
            Set.of(ByeReason.REPLACED.name(), ByeReason.KICKED.name(), ByeReason.ACCOUNT_DELETED.name());

    private final Deque<JsonObject> missed = new ArrayDeque<>();
    private volatile String user;
    private volatile boolean lost;
    private String password;
    /** A logout is on its way, so the server hanging up is expected. */
    private boolean leaving;

    boolean loggedIn() {
        return user != null;
    }

    /** The logged-in id, or null. */
    String user() {
        return user;
    }

    String password() {
        return password;
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

    void logoutSent() {
        leaving = true;
    }

    /** Applies the only replies that change the login. */
    void apply(JsonObject request, JsonObject reply) {
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
            leaving = true;
            loggedOut();
        } else if (op.equals(Ops.LOGOUT)) {
            if (ok) {
                loggedOut();
            } else {
                leaving = false;
            }
        }
    }

    /** Notes an event that concerns the login: a message from the mailbox, or the server ending the session. */
    void event(JsonObject frame, String op) {
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
            lose();
        }
    }

    /** The link closed; returns whether a logout made that expected, in which case the user is now logged out. */
    boolean linkClosed() {
        boolean expected = leaving;
        if (leaving) {
            loggedOut();
        }
        leaving = false;
        return expected;
    }

    /** The server will not have this session back: the user must log in again by hand. */
    void lose() {
        loggedOut();
        lost = true;
    }

    void loggedOut() {
        user = null;
        password = null;
    }
}
