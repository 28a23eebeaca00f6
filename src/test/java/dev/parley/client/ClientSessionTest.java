package dev.parley.client;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientSessionTest extends ClientSessionFixture {

    /** Logs in as 100 on the current link and returns that link. */
    private FakeConnector.FakeLink loggedIn() {
        return loggedInWith("secret");
    }

    @Test
    @DisplayName("a reply is matched to its request by the echoed rid and shown before the future completes")
    void matchesByRid() {
        FakeConnector.FakeLink link = connector.link();
        Future<JsonObject> first = session.request(Frames.ping());
        Future<JsonObject> second = session.request(Frames.who());
        assertEquals("r1", link.sent.get(0).getString("rid"));
        link.replyOk(1, new JsonObject().put("count", 0).put("online", new JsonArray()));
        assertFalse(first.isComplete());
        assertTrue(second.isComplete());
        assertEquals(List.of("ok who 0"), listener.lines);
    }

    @Test
    @DisplayName("a reply without rid is matched to the oldest request of the same op, pong to ping")
    void matchesByOpWithoutRid() {
        FakeConnector.FakeLink link = connector.link();
        Future<JsonObject> ping = session.request(Frames.ping());
        link.serverSends(new JsonObject().put("op", "pong"));
        assertTrue(ping.isComplete());
        assertEquals(List.of("ok ping"), listener.lines);
    }

    @Test
    @DisplayName("say and msg get a client id for idempotent retry")
    void addsCid() {
        FakeConnector.FakeLink link = loggedIn();
        session.request(Frames.say("hi"));
        session.request(Frames.msg("200", "hi"));
        String cid1 = link.sent.get(1).getString("cid");
        String cid2 = link.sent.get(2).getString("cid");
        assertNotNull(cid1);
        assertNotNull(cid2);
        assertFalse(cid1.equals(cid2));
    }

    @Test
    @DisplayName("an unexpected drop reconnects after the backoff, logs in again and resends the unanswered say with the same cid")
    void reconnectsAndResends() {
        FakeConnector.FakeLink first = loggedIn();
        session.request(Frames.say("are you there"));
        String cid = first.last().getString("cid");

        first.close();
        assertEquals(new SessionStatus.Reconnecting(500, 1), listener.statuses.get(0));
        assertTrue(session.loggedIn(), "the user stays logged in while reconnecting");
        assertEquals(1, connector.attempts.size());

        assertEquals(1, scheduler.fire(500));
        FakeConnector.FakeLink second = connector.link();
        assertEquals(List.of(Frames.login("100", "secret").put("rid", second.sent.get(0).getString("rid"))), second.sent,
                "only the login goes out before it is accepted");
        second.replyOk(0, new JsonObject().put("user", "100"));

        assertEquals(new SessionStatus.Reconnected("100"), listener.statuses.get(1));
        assertEquals("say", second.last().getString("op"));
        assertEquals(cid, second.last().getString("cid"));
        second.replyOk(1, new JsonObject().put("id", "m1"));
        assertEquals(List.of("ok login 100", "status reconnecting 500", "status reconnected 100", "ok say m1"), listener.lines);
    }

    @Test
    @DisplayName("requests made while reconnecting wait for the new login")
    void queuesWhileReconnecting() {
        loggedIn().close();
        Future<JsonObject> who = session.request(Frames.who());
        assertEquals(1, connector.attempts.size(), "no extra connect while the backoff timer runs");
        scheduler.fire(500);
        FakeConnector.FakeLink second = connector.link();
        assertEquals(1, second.sent.size());
        second.replyOk(0, new JsonObject().put("user", "100"));
        assertEquals("who", second.last().getString("op"));
        second.replyOk(1, new JsonObject().put("count", 1));
        assertTrue(who.isComplete());
    }

    @Test
    @DisplayName("failed reconnects double the delay up to the cap, then a success resets it")
    void backsOff() {
        loggedIn();
        connector.autoSucceed = false;
        connector.link().close();
        scheduler.fire(500);
        connector.attempts.get(1).fail("refused");
        assertEquals(new SessionStatus.Reconnecting(1000, 2), listener.statuses.get(1));
        scheduler.fire(1000);
        connector.attempts.get(2).succeed();
        connector.link().replyOk(0, new JsonObject().put("user", "100"));
        connector.link().close();
        assertEquals(new SessionStatus.Reconnecting(500, 1), listener.statuses.get(listener.statuses.size() - 1));
    }

    @Test
    @DisplayName("after bye REPLACED the session is over: no reconnect, logged out, unanswered requests fail")
    void replacedIsFinal() {
        FakeConnector.FakeLink link = loggedIn();
        Future<JsonObject> say = session.request(Frames.say("hello"));
        link.serverSends(new JsonObject().put("op", "bye").put("reason", "REPLACED").put("message", "logged in elsewhere"));
        link.close();

        assertFalse(session.loggedIn());
        assertTrue(session.lost());
        assertEquals(List.of(), scheduler.waiting(), "no reconnect timer (and the say's timeout is cancelled)");
        assertEquals("DISCONNECTED", Frames.errorCode(say.result()));
        assertEquals(new SessionStatus.Disconnected(), listener.statuses.get(0));
        assertEquals(1, connector.attempts.size());
    }

    @Test
    @DisplayName("other bye reasons reconnect")
    void idleByeReconnects() {
        FakeConnector.FakeLink link = loggedIn();
        link.serverSends(new JsonObject().put("op", "bye").put("reason", "IDLE").put("message", "idle"));
        link.close();
        assertEquals(new SessionStatus.Reconnecting(500, 1), listener.statuses.get(0));
    }

    @Test
    @DisplayName("the server closing after a logout is expected: no reconnect, no warning")
    void logoutClosesQuietly() {
        FakeConnector.FakeLink link = loggedIn();
        session.request(Frames.logout());
        link.replyOk(1, new JsonObject());
        link.close();
        assertFalse(session.loggedIn());
        assertTrue(listener.statuses.isEmpty());
        assertEquals(List.of(), scheduler.waitingOtherThan(TIMEOUT).stream().boxed().toList());
    }

    @Test
    @DisplayName("after a logout the next command opens a fresh connection on demand")
    void connectsOnDemand() {
        FakeConnector.FakeLink link = loggedIn();
        session.request(Frames.logout());
        link.replyOk(1, new JsonObject());
        link.close();
        session.request(Frames.login("100", "secret"));
        assertEquals(2, connector.attempts.size());
        assertEquals("login", connector.link().last().getString("op"));
    }

    @Test
    @DisplayName("logging out while reconnecting ends at once, locally, and stops the reconnect")
    void logoutWhileDown() {
        loggedIn().close();
        Future<JsonObject> logout = session.request(Frames.logout());
        assertEquals("DISCONNECTED", Frames.errorCode(logout.result()));
        assertFalse(session.loggedIn());
        assertEquals(List.of(), scheduler.waiting());
        assertEquals(1, connector.attempts.size());
    }

    @Test
    @DisplayName("a logout made during the automatic login waits for it, then goes to the server")
    void logoutDuringRelogin() {
        loggedIn().close();
        scheduler.fire(500);
        FakeConnector.FakeLink second = connector.link();
        Future<JsonObject> logout = session.request(Frames.logout());
        assertFalse(logout.isComplete());
        second.replyOk(0, new JsonObject().put("user", "100"));
        assertEquals("logout", second.last().getString("op"));
        second.replyOk(1, new JsonObject());
        assertTrue(Frames.ok(logout.result()));
        assertFalse(session.loggedIn());
    }

    @Test
    @DisplayName("a refused automatic login logs the user out for good")
    void reloginRefused() {
        loggedIn().close();
        scheduler.fire(500);
        connector.link().replyError(0, "BAD_CREDENTIALS");
        assertFalse(session.loggedIn());
        assertTrue(session.lost());
        assertEquals(new SessionStatus.ReloginFailed("BAD_CREDENTIALS", "bad_credentials"), listener.statuses.get(1));
        assertFalse(connector.link().closed, "the connection stays usable for a new /login");
    }

    @Test
    @DisplayName("a rate-limited automatic login is retried later with a longer delay")
    void reloginRateLimited() {
        loggedIn().close();
        scheduler.fire(500);
        connector.link().replyError(0, "RATE_LIMITED");
        assertTrue(connector.link().closed);
        assertTrue(session.loggedIn());
        assertEquals(new SessionStatus.Reconnecting(1000, 2), listener.statuses.get(1));
    }

    @Test
    @DisplayName("a request without reply times out with a local TIMEOUT error")
    void timesOut() {
        session.request(Frames.ping());
        Future<JsonObject> reply = session.request(Frames.ping());
        assertEquals(2, scheduler.fire(TIMEOUT));
        assertEquals("TIMEOUT", Frames.errorCode(reply.result()));
        assertTrue(reply.result().getBoolean("local"));
    }

    @Test
    @DisplayName("messages delivered from the mailbox are kept as missed messages until the next login")
    void keepsMissedMessages() {
        FakeConnector.FakeLink link = loggedIn();
        JsonObject missed = new JsonObject().put("op", "message").put("kind", "private").put("from", "300")
                .put("name", "carol").put("text", "hi").put("offline", true);
        link.serverSends(missed);
        link.serverSends(missed.copy().put("offline", false));
        assertEquals(List.of(missed), session.missed());
        assertEquals("missed private 300 carol: hi", listener.lines.get(1));

        session.request(Frames.login("100", "secret"));
        link.replyOk(1, new JsonObject().put("user", "100"));
        assertEquals(List.of(), session.missed());
    }

    @Test
    @DisplayName("a line that is not JSON is reported and skipped")
    void reportsBadFrame() {
        connector.link().serverSendsRaw("<html>");
        connector.link().serverSendsRaw("[1,2]");
        assertEquals(List.of(new SessionStatus.BadFrame("<html>"), new SessionStatus.BadFrame("[1,2]")), listener.statuses);
    }

    @Test
    @DisplayName("close stops everything: no reconnect, later requests fail with CLOSED")
    void closes() {
        FakeConnector.FakeLink link = loggedIn();
        session.close();
        assertTrue(link.closed);
        assertTrue(listener.statuses.isEmpty());
        assertEquals("CLOSED", Frames.errorCode(session.request(Frames.who()).result()));
        assertEquals(1, connector.attempts.size());
    }
}
