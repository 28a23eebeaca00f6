package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login as replies and events change it, without a connection. */
class LoginStateTest {
    private final LoginState login = new LoginState();

    private static JsonObject ok(String op) {
        return new JsonObject().put("op", op).put("ok", true);
    }

    private void loggedInAs(String user, String password) {
        login.apply(Frames.login(user, password), ok("login").put("user", user));
    }

    @Test
    @DisplayName("a successful login and password change keep the password a reconnect needs")
    void loginAndPassword() {
        loggedInAs("100", "old");
        assertEquals("100", login.user());
        login.apply(Frames.password("old", "new"), ok("password"));
        assertEquals("new", login.password());
    }

    @Test
    @DisplayName("a close after a logout is expected and logs out; any other close is not")
    void logoutThenClose() {
        loggedInAs("100", "pw");
        assertFalse(login.linkClosed());
        assertTrue(login.loggedIn());
        login.logoutSent();
        assertTrue(login.linkClosed());
        assertFalse(login.loggedIn());
    }

    @Test
    @DisplayName("a refused logout means the coming close is not expected after all")
    void refusedLogout() {
        loggedInAs("100", "pw");
        login.logoutSent();
        login.apply(Frames.logout(), Frames.localError("logout", "INTERNAL", "no"));
        assertFalse(login.linkClosed());
        assertTrue(login.loggedIn());
    }

    @Test
    @DisplayName("being replaced elsewhere loses the session; offline messages are kept as missed")
    void events() {
        loggedInAs("100", "pw");
        JsonObject offline = new JsonObject().put("op", "message").put("offline", true).put("text", "hi");
        login.event(offline, "message");
        assertEquals(1, login.missed().size());
        login.event(new JsonObject().put("op", "bye").put("reason", "REPLACED"), "bye");
        assertTrue(login.lost());
        assertNull(login.user());
    }
}
