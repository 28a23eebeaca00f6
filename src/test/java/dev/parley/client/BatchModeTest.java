package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client in batch mode, through a stdin pipe and a real socket to a scripted server. */
class BatchModeTest {

    private FakeParleyServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeParleyServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private String port() {
        return String.valueOf(server.port());
    }

    private List<JsonObject> requests(int n) throws InterruptedException {
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(server.nextRequest());
        }
        return out;
    }

    @Test
    @DisplayName("a script prints exactly one line per reply and event, then logs out and exits 0")
    void script() throws Exception {
        // no --batch: stdin is a pipe, so batch mode is chosen by itself
        try (BatchClient client = new BatchClient("--port", port())) {
            client.type("/login 100 123456", "hello everyone", "héllo ✓", "/msg 200 hi bob", "/msg 999 anyone?",
                    "/msg 300 are you there", "/who", "/missed");
            client.endInput();
            assertEquals(0, client.exitCode());
            assertEquals(List.of(
                    "ok login 100",
                    "missed private 300 carol: while you were out",
                    "ok say g1",
                    "message group 300 carol: re: hello everyone",
                    "ok say g2",
                    "message group 300 carol: re: héllo ✓",
                    "ok msg 200 delivered p1",
                    "error msg NO_SUCH_USER: no user 999",
                    "ok msg 300 stored p2",
                    "error frame BAD_JSON: not json",
                    "ok who 2 100:scott 200:bob",
                    "missed private 300 carol: while you were out",
                    "ok logout"), client.out.all());
            assertEquals(List.of(), client.err.all());
        }
        List<JsonObject> sent = requests(8);
        assertEquals(List.of("login", "say", "say", "msg", "msg", "msg", "who", "logout"),
                sent.stream().map(r -> r.getString("op")).toList());
        assertEquals("héllo ✓", sent.get(2).getString("text"));
        assertTrue(sent.stream().allMatch(r -> r.getString("rid") != null), "every request carries a rid");
        assertNotNull(sent.get(1).getString("cid"), "say carries a cid for idempotent retry");
    }

    @Test
    @DisplayName("the next command is not sent before the previous reply arrives")
    void waitsForEachReply() throws Exception {
        try (BatchClient client = new BatchClient("--batch", "--port", port())) {
            client.type("/login 100 123456", "slow", "/who");
            assertEquals("login", server.nextRequest().getString("op"));
            assertEquals("slow", server.nextRequest().getString("text"));
            // a negative check cannot be awaited: give a pipelining client a fair chance to show itself
            assertNull(server.received.poll(300, TimeUnit.MILLISECONDS), "sent /who before the say was answered");
            server.releaseSlow();
            assertEquals("who", server.nextRequest().getString("op"));
            client.endInput();
            assertEquals(0, client.exitCode());
        }
    }

    @Test
    @DisplayName("a failed login prints the error, stops reading and exits 1")
    void loginFailure() throws Exception {
        try (BatchClient client = new BatchClient("--batch", "--port", port())) {
            client.type("/login 100 nope", "/who");
            assertEquals(1, client.exitCode());
            assertEquals(List.of("error login BAD_CREDENTIALS: wrong id or password"), client.out.all());
        }
        assertEquals("login", server.nextRequest().getString("op"));
        assertNull(server.received.poll(), "nothing after the failed login");
    }

    @Test
    @DisplayName("--user logs in at start; local mistakes are error lines; /quit ends the script")
    void autoLoginAndLocalErrors() throws Exception {
        try (BatchClient client = new BatchClient("--batch", "--port", port(), "--user", "100", "--password", "123456")) {
            // local errors are printed at once, server events when they arrive: let the login's events land first
            assertEquals("ok login 100", client.nextLine());
            assertEquals("missed private 300 carol: while you were out", client.nextLine());
            client.type("/bogus", "/msg 200", "/register 100 pw", "/register 101 pw Ann Lee", "/quit", "/who");
            assertEquals(0, client.exitCode());
            assertEquals(List.of(
                    "ok login 100",
                    "missed private 300 carol: while you were out",
                    "error bogus USAGE: unknown command /bogus; type /help",
                    "error msg USAGE: usage: /msg <id> <text>",
                    "error register USER_EXISTS: id 100 is taken",
                    "ok register 101",
                    "ok logout"), client.out.all());
        }
        List<JsonObject> sent = requests(4);
        assertEquals("Ann Lee", sent.get(2).getString("name"));
        assertEquals("logout", sent.get(3).getString("op"));
    }

    @Test
    @DisplayName("plain text before login is refused locally; never logged in means nothing to log out, exit 0")
    void beforeLogin() throws Exception {
        try (BatchClient client = new BatchClient("--batch", "--port", port())) {
            client.type("hi there", "/who");
            client.endInput();
            assertEquals(0, client.exitCode());
            assertEquals(List.of(
                    "error say NOT_LOGGED_IN: log in first: /login <id> <password>",
                    "error who NOT_LOGGED_IN: log in first: /login <id> <password>"), client.out.all());
        }
        assertNull(server.received.poll());
    }

    @Test
    @DisplayName("a dropped connection is re-established, logged in again, and the unanswered say is resent once")
    void reconnects() throws Exception {
        try (BatchClient client = new BatchClient("--batch", "--port", port(), "--user", "100", "--password", "123456")) {
            assertEquals("ok login 100", client.nextLine());
            assertEquals("missed private 300 carol: while you were out", client.nextLine());
            client.type("drop me");
            String reconnecting = client.nextLine();
            assertTrue(reconnecting.matches("status reconnecting \\d+"), reconnecting);
            assertEquals("status reconnected 100", client.nextLine());
            assertEquals("missed group 200 bob: said while you were away", client.nextLine());
            assertEquals("ok say g1", client.nextLine());
            assertEquals("message group 300 carol: re: drop me", client.nextLine());
            client.endInput();
            assertEquals("ok logout", client.nextLine());
            assertEquals(0, client.exitCode());
        }
        List<JsonObject> sent = requests(5);
        assertEquals(List.of("login", "say", "login", "say", "logout"), sent.stream().map(r -> r.getString("op")).toList());
        assertEquals("123456", sent.get(2).getString("password"));
        assertEquals(sent.get(1).getString("cid"), sent.get(3).getString("cid"), "the retry reuses the cid");
        assertEquals(2, server.connections.get());
    }

    @Test
    @DisplayName("after bye REPLACED the client does not come back, and the script exits 1")
    void replaced() throws Exception {
        try (BatchClient client = new BatchClient("--batch", "--port", port(), "--user", "100", "--password", "123456")) {
            client.type("replace me");
            client.nextLine();
            client.nextLine();
            assertEquals("bye REPLACED: logged in from another place", client.nextLine());
            assertEquals("error say DISCONNECTED: the connection closed before the reply", client.nextLine());
            assertEquals("status disconnected", client.nextLine());
            client.type("/who");
            assertEquals("error who NOT_LOGGED_IN: log in first: /login <id> <password>", client.nextLine());
            client.endInput();
            assertEquals(1, client.exitCode());
        }
        assertEquals(1, server.connections.get());
    }

    @Test
    @DisplayName("an unreachable server is reported on stderr with exit code 1")
    void unreachable() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClientCommand.run(new String[]{"--batch", "--port", String.valueOf(freePort)},
                InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot connect to 127.0.0.1:" + freePort), err.toString());
    }

    @Test
    @DisplayName("bad arguments exit 2 with a message on stderr; --help exits 0")
    void arguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, ClientCommand.run(new String[]{"--port", "x"}, InputStream.nullInputStream(), o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("parley client: --port must be"), err.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, ClientCommand.run(new String[]{"--help"}, InputStream.nullInputStream(), o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: parley client"));
    }
}
