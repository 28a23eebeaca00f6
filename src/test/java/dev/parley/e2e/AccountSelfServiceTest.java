package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.e2e.Replies.outcome;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users changing their password and name and deleting their account, in JSON lines and in text. */
class AccountSelfServiceTest {
    static final AuditLog audit = new AuditLog();
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @AfterAll
    static void closeAudit() {
        audit.close();
    }

    @Test
    @DisplayName("JSON password: needs the old password and a valid new one; then only the new one logs in")
    void jsonPassword() {
        try (JsonClient anon = server.json()) {
            assertEquals("NOT_LOGGED_IN", outcome(anon.request(op("password", "old", "123456", "new", "abcdefg"))));
        }
        try (JsonClient c = server.loggedIn("p-ann")) {
            assertEquals("BAD_CREDENTIALS", outcome(c.request(op("password", "old", "wrong-one", "new", "abcdefg"))));
            assertEquals("INVALID_PASSWORD", outcome(c.request(op("password", "old", "123456", "new", "abc"))));
            assertEquals("BAD_REQUEST", outcome(c.request(op("password", "new", "abcdefg"))));
            JsonNode ok = c.request(op("password", "old", "123456", "new", "abcdefg"));
            assertEquals("OK", outcome(ok), ok.toString());
            assertEquals("password", ok.path("op").asText());
        }
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("p-ann", "123456"));
        assertEquals("OK", server.loginOutcome("p-ann", "abcdefg"));
        var e = audit.await(x -> "account_changed".equals(x.get("event")) && "p-ann".equals(x.get("user")), "password change");
        assertEquals("password", e.get("reason"));
        assertEquals("127.0.0.1", e.get("remote"));
        assertTrue(audit.entries().stream().noneMatch(x -> x.containsValue("abcdefg")), "never a password in the audit trail");
    }

    @Test
    @DisplayName("guessing the old password is throttled like logins (RATE_LIMITED)")
    void passwordGuessesThrottled() {
        try (JsonClient c = server.loggedIn("p-guess")) {
            for (int i = 0; i < 5; i++) {
                assertEquals("BAD_CREDENTIALS", outcome(c.request(op("password", "old", "guess" + i, "new", "abcdefg"))));
            }
            assertEquals("RATE_LIMITED", outcome(c.request(op("password", "old", "123456", "new", "abcdefg"))));
        }
    }

    @Test
    @DisplayName("JSON rename: registration's name rules; others see the new name on the next message and at login")
    void jsonRename() {
        try (JsonClient c = server.loggedIn("n-bob"); JsonClient other = server.loggedIn("n-other")) {
            other.awaitCatchUp("n-other");
            assertEquals("BAD_REQUEST", outcome(c.request(op("rename", "name", " "))));
            assertEquals("BAD_REQUEST", outcome(c.request(op("rename", "name", "x".repeat(65)))));
            assertEquals("BAD_REQUEST", outcome(c.request(op("rename", "name", "bell\u0007"))));
            assertEquals("BAD_REQUEST", outcome(c.request(op("rename"))));
            JsonNode ok = c.request(op("rename", "name", "Robert B."));
            assertEquals("OK", outcome(ok), ok.toString());
            assertEquals("Robert B.", ok.path("name").asText());
            c.say("now renamed");
            assertEquals("Robert B.", other.awaitMessage("now renamed").path("name").asText());
        }
        try (JsonClient again = server.json()) {
            assertEquals("Robert B.", again.login("n-bob", "123456").path("name").asText());
        }
    }

    @Test
    @DisplayName("JSON delete_account: a wrong password changes nothing; the right one answers ok, says bye ACCOUNT_DELETED, and leaves nothing behind")
    void jsonDeleteAccount() {
        try (JsonClient other = server.loggedIn("x-other"); JsonClient c = server.loggedIn("x-del")) {
            c.awaitCatchUp("x-del");
            other.say("seen before deleting");
            c.awaitMessage("seen before deleting");
            assertEquals("BAD_CREDENTIALS", outcome(c.request(op("delete_account", "password", "nope-nope"))));
            assertEquals("pong", c.request(op("ping")).path("op").asText(), "still logged in");
            JsonNode ok = c.request(op("delete_account", "password", "123456"));
            assertEquals("OK", outcome(ok), ok.toString());
            JsonNode bye = c.await(Replies::isBye, "bye");
            assertEquals("ACCOUNT_DELETED", bye.path("reason").asText());
            c.awaitClosed();
            other.awaitPresence("x-del", "offline");
            other.say("said after the deletion");
        }
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("x-del", "123456"));
        audit.await(x -> "account_deleted".equals(x.get("event")) && "x-del".equals(x.get("user")), "deletion audited");
        try (JsonClient again = server.json()) {
            assertTrue(again.register("x-del", "654321").path("ok").asBoolean(), "the id is free again");
            again.login("x-del", "654321");
            JsonNode barrier = again.awaitCatchUp("x-del");
            List<JsonNode> replayed = again.framesBefore(barrier).stream().filter(f -> f.path("offline").asBoolean()).toList();
            assertEquals(List.of(), replayed, "nothing of the old account is replayed");
        }
    }

    @Test
    @DisplayName("text: /password, /name and /delete-account, with readable answers and /help listing them")
    void textCommands() {
        try (TextClient t = server.text()) {
            t.send("/register t-kim 123456");
            t.send("/login t-kim 123456");
            t.awaitContaining("welcome");
            t.send("/help");
            t.awaitContaining("/delete-account <password>");
            t.send("/password wrong-old abcdefg");
            t.awaitContaining("! BAD_CREDENTIALS");
            t.send("/password 123456 abcdefg");
            t.awaitContaining("* password changed");
            t.send("/name Kim the Great");
            t.awaitContaining("* you are now Kim the Great (t-kim)");
            t.send("/delete-account 123456");
            t.awaitContaining("! BAD_CREDENTIALS");
            t.send("/delete-account abcdefg");
            t.awaitContaining("* account t-kim deleted");
            t.awaitContaining("(ACCOUNT_DELETED)");
            assertTrue(t.awaitClosed());
        }
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("t-kim", "abcdefg"));
        try (TextClient anon = server.text()) {
            anon.send("/name Nobody");
            anon.awaitContaining("! NOT_LOGGED_IN");
        }
        assertFalse(server.loginOutcome("t-kim", "123456").equals("OK"));
    }
}
