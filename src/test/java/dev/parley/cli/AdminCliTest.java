package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.JsonClient;
import dev.parley.e2e.Replies;
import dev.parley.e2e.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `parley admin` in its own JVM against a running node's ops port. */
class AdminCliTest {
    static final String TOKEN = "cli-admin-token-0123456789";
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("ops.adminToken", TOKEN));
    static String url;

    @BeforeAll
    static void opsUrl() {
        url = "http://127.0.0.1:" + server.opsPort();
    }

    private static AdminProcess admin(String stdin, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminProcess.run(Map.of("PARLEY_ADMIN_TOKEN", TOKEN), stdin, all);
    }

    @Test
    @DisplayName("who, kick and notice act on the node and print what happened")
    void whoKickNotice() throws Exception {
        try (JsonClient a = server.loggedIn("c-ann"); JsonClient b = server.loggedIn("c-bob")) {
            AdminProcess who = admin(null, "who");
            assertEquals(0, who.exit(), who.err());
            assertTrue(who.out().contains("c-ann  @" + server.server().nodeId()), who.out());
            assertTrue(who.out().contains("per node: " + server.server().nodeId()), who.out());
            AdminProcess page = admin(null, "who", "--page", "2", "--size", "1");
            assertEquals(0, page.exit(), page.err());
            assertTrue(page.out().contains("page 2 (1 per page): 1 shown"), page.out());

            a.awaitCatchUp("c-ann");
            AdminProcess notice = admin(null, "notice", "back", "in", "five", "minutes");
            assertEquals(0, notice.exit(), notice.err());
            assertEquals("back in five minutes", a.await(f -> "notice".equals(f.path("op").asText()), "notice").path("message").asText());

            AdminProcess kick = admin(null, "kick", "c-bob", "go", "home");
            assertEquals(0, kick.exit(), kick.err());
            assertTrue(kick.out().contains("kicked c-bob"), kick.out());
            JsonNode bye = b.await(Replies::isBye, "bye");
            assertEquals("KICKED", bye.path("reason").asText());
            assertEquals("go home", bye.path("message").asText());
            AdminProcess again = admin(null, "kick", "c-bob");
            assertEquals(0, again.exit());
            assertTrue(again.out().contains("c-bob is not online"), again.out());
        }
    }

    @Test
    @DisplayName("lock, unlock, reset-password (from stdin, never argv) and delete")
    void accountCommands() throws Exception {
        try (JsonClient c = server.json()) {
            c.register("c-carl", "123456");
        }
        assertEquals(0, admin(null, "lock", "c-carl").exit());
        assertEquals("ACCOUNT_LOCKED", server.loginOutcome("c-carl", "123456"));
        AdminProcess unlock = admin(null, "unlock", "c-carl");
        assertEquals(0, unlock.exit(), unlock.err());
        assertTrue(unlock.out().contains("unlocked c-carl"), unlock.out());
        AdminProcess reset = admin("a-new-password\n", "reset-password", "c-carl");
        assertEquals(0, reset.exit(), reset.err());
        assertEquals("OK", server.loginOutcome("c-carl", "a-new-password"));
        assertEquals(2, admin("", "reset-password", "c-carl").exit(), "no password on stdin");
        AdminProcess delete = admin(null, "delete", "c-carl");
        assertEquals(0, delete.exit(), delete.err());
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("c-carl", "a-new-password"));
        AdminProcess missing = admin(null, "delete", "c-carl");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("NO_SUCH_USER"), missing.err());
    }

    @Test
    @DisplayName("errors: a wrong token says 'admin token rejected' (exit 3), no token or a bad command is usage (2), no server is 4")
    void errors() throws Exception {
        AdminProcess wrong = AdminProcess.run(Map.of(), null, "--url", url, "--token", "not-the-token-at-all", "who");
        assertEquals(3, wrong.exit());
        assertTrue(wrong.err().contains("admin token rejected"), wrong.err());
        AdminProcess noToken = AdminProcess.run(Map.of(), null, "--url", url, "who");
        assertEquals(2, noToken.exit());
        assertTrue(noToken.err().contains("PARLEY_ADMIN_TOKEN"), noToken.err());
        assertEquals(2, admin(null, "frobnicate").exit());
        assertEquals(2, admin(null, "who", "--page", "x").exit());
        AdminProcess down = AdminProcess.run(Map.of("PARLEY_ADMIN_TOKEN", TOKEN), null,
                "--url", "http://127.0.0.1:" + dev.parley.store.RedisServer.freePort(), "who");
        assertEquals(4, down.exit());
        assertTrue(down.err().contains("cannot reach"), down.err());
        AdminProcess help = AdminProcess.run(Map.of(), null, "--help");
        assertEquals(0, help.exit());
        assertFalse(help.out().isBlank());
    }
}
