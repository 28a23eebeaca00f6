package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the client session follows account changes: new password, kick, deletion. */
class ClientSessionAccountTest extends ClientSessionFixture {
    private FakeConnector.FakeLink loggedIn() {
        return loggedInWith("old-secret");
    }

    @Test
    @DisplayName("after a password change, an automatic re-login uses the new password")
    void reloginWithNewPassword() {
        FakeConnector.FakeLink link = loggedIn();
        session.request(Frames.password("old-secret", "new-secret"));
        link.replyOk(link.sent.size() - 1, new JsonObject());
        link.close();
        scheduler.fire(500);
        JsonObject relogin = connector.link().sent.get(0);
        assertEquals("new-secret", relogin.getString("password"));
    }

    @Test
    @DisplayName("bye KICKED ends the session for good: no reconnect")
    void kickedIsFinal() {
        FakeConnector.FakeLink link = loggedIn();
        link.serverSends(new JsonObject().put("op", "bye").put("reason", "KICKED").put("message", "go away"));
        link.close();
        assertFalse(session.loggedIn());
        assertTrue(session.lost());
        assertEquals(List.of(), scheduler.waiting());
    }

    @Test
    @DisplayName("deleting one's own account is an expected end: logged out, not lost, no reconnect")
    void ownDeletion() {
        FakeConnector.FakeLink link = loggedIn();
        session.request(Frames.deleteAccount("old-secret"));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("user", "100"));
        link.serverSends(new JsonObject().put("op", "bye").put("reason", "ACCOUNT_DELETED").put("message", "deleted"));
        link.close();
        assertFalse(session.loggedIn());
        assertFalse(session.lost());
        assertEquals(List.of(), scheduler.waiting());
        assertEquals(1, connector.attempts.size());
    }
}
