package dev.parley.cli;

import dev.parley.e2e.JsonClient;
import dev.parley.e2e.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `parley client --batch` through real pipes against a real server. */
class ClientBatchTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    @DisplayName("a script registers, logs in, chats both ways, and exits 0 after logging out at EOF")
    void scriptedSession() throws Exception {
        try (JsonClient bob = server.loggedIn("bbob"); ClientProcess c = ClientProcess.start("--port", Integer.toString(server.port()))) {
            c.registerAndLogin("bscott", "Scott");
            bob.awaitPresence("bscott", "online");

            bob.say("hi from bob");
            assertEquals("message group bbob bbob #lobby: hi from bob", c.await("message group"), "a room message names its room");
            bob.msg("bscott", "psst");
            assertEquals("message private bbob bbob: psst", c.await("message private"));

            c.send("hello bob");
            assertEquals("bscott", bob.awaitMessage("hello bob").path("from").asText());
            c.send("/msg bbob just you");
            assertEquals("private", bob.awaitMessage("just you").path("kind").asText());
            c.send("/who");
            String who = c.await("ok who");
            assertTrue(who.startsWith("ok who 2 ") && who.contains("bscott:Scott") && who.contains("bbob:bbob"), who);

            c.closeInput();
            assertEquals(0, c.awaitExit(), "clean logout at EOF: " + c.output());
            bob.awaitPresence("bscott", "offline");
        }
    }

    @Test
    @DisplayName("a failed login exits 1 with the server's error on one line")
    void failedLogin() throws Exception {
        try (ClientProcess c = ClientProcess.start("--port", Integer.toString(server.port()), "--batch")) {
            c.send("/login nobody wrongpass");
            assertEquals("error login BAD_CREDENTIALS: unknown user or wrong password", c.await("error login"));
            assertEquals(1, c.awaitExit());
        }
    }

    @Test
    @DisplayName("messages stored while offline are printed as missed at the next login")
    void missedMessages() throws Exception {
        try (JsonClient reg = server.json()) {
            reg.registerIfNeeded("bmissed", "123456");
        }
        try (JsonClient bob = server.loggedIn("bsender")) {
            assertTrue(bob.msg("bmissed", "while you were away").path("stored").asBoolean());
        }
        try (ClientProcess c = ClientProcess.start("--port", Integer.toString(server.port()))) {
            c.send("/login bmissed 123456");
            c.await("ok login");
            assertEquals("missed private bsender bsender: while you were away", c.await("missed"));
            c.closeInput();
            assertEquals(0, c.awaitExit());
        }
    }

    @Test
    @DisplayName("bad arguments get a clear message and exit 2")
    void badArguments() throws Exception {
        try (ClientProcess c = ClientProcess.start("--port", "notaport")) {
            assertEquals(2, c.awaitExit());
            assertTrue(String.join("\n", c.output()).contains("--port"), c.output().toString());
        }
    }
}
