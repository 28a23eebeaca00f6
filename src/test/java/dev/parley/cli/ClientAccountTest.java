package dev.parley.cli;

import dev.parley.e2e.JsonClient;
import dev.parley.e2e.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `parley client --batch` managing its account, and being kicked, against a real server. */
class ClientAccountTest {
    static final String TOKEN = "client-test-admin-token-0123";
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("ops.adminToken", TOKEN));

    @Test
    @DisplayName("a script changes its password and name, then deletes its account and exits 0")
    void lifecycle() throws Exception {
        try (JsonClient other = server.loggedIn("ca-other");
             ClientProcess c = ClientProcess.start("--port", Integer.toString(server.port()), "--batch")) {
            c.registerAndLogin("ca-sam");
            c.send("/password wrong-pw abcdefg");
            assertTrue(c.await("error password").startsWith("error password BAD_CREDENTIALS"));
            c.send("/password 123456 abcdefg");
            assertEquals("ok password", c.await("ok password"));
            c.send("/name Sam Spade");
            assertEquals("ok rename Sam\\sSpade", c.await("ok rename"));
            c.send("renamed hello");
            assertEquals("Sam Spade", other.awaitMessage("renamed hello").path("name").asText());
            c.send("/delete-account abcdefg");
            assertEquals("ok delete_account", c.await("ok delete_account"));
            assertTrue(c.await("bye ").startsWith("bye ACCOUNT_DELETED"));
            c.closeInput();
            assertEquals(0, c.awaitExit(), "deleting one's own account is a clean end: " + c.output());
        }
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("ca-sam", "abcdefg"));
    }

    @Test
    @DisplayName("a kicked client shows bye KICKED, does not log itself in again, and exits 1")
    void kicked() throws Exception {
        try (JsonClient reg = server.json()) {
            reg.registerIfNeeded("ca-kim", "123456");
        }
        try (ClientProcess c = ClientProcess.start("--port", Integer.toString(server.port()), "--batch")) {
            c.send("/login ca-kim 123456");
            c.await("ok login");
            assertEquals(200, kick("ca-kim", "be nice"));
            assertEquals("bye KICKED: be nice", c.await("bye"));
            c.closeInput();
            assertEquals(1, c.awaitExit(), "the session was ended by the server: " + c.output());
            assertTrue(c.output().stream().noneMatch(l -> l.startsWith("status reconnected")), c.output().toString());
        }
    }

    /** An operator's kick through the admin API; returns the HTTP status. */
    private static int kick(String user, String reason) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.server().opsPort()
                                + "/admin/users/" + user + "/kick"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new io.vertx.core.json.JsonObject().put("reason", reason).encode())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
