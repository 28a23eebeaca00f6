package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.isBye;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsTest {
    static final int MAX_FRAME = 8192;
    static final int MAX_TEXT = 4000;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.maxFrameBytes", MAX_FRAME, "limits.maxTextChars", MAX_TEXT));

    private static byte[] bytes(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) out.writeBytes(p.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A ping padded so that its JSON line (without the LF) is exactly {@code size} bytes. */
    private static String pingOfSize(int size) {
        String empty = op("ping", "rid", "big", "pad", "").toString();
        String line = op("ping", "rid", "big", "pad", "x".repeat(size - empty.length())).toString();
        assertEquals(size, line.getBytes(StandardCharsets.UTF_8).length);
        return line;
    }

    private static void assertStillServing(TestServer s) {
        try (JsonClient a = s.loggedIn("still.a"); JsonClient b = s.loggedIn("still.b")) {
            b.awaitCatchUp("still.b");
            a.say("the server still serves");
            b.awaitMessage("the server still serves");
        }
    }

    @Test
    @DisplayName("a JSON line of exactly maxFrameBytes is accepted; one byte more gets bye BAD_FRAME and the connection closes")
    void overlongJsonLine() {
        try (JsonClient bystander = server.loggedIn("lim.bystander"); JsonClient c = server.json()) {
            c.sendLine(pingOfSize(MAX_FRAME));
            assertEquals("pong", c.await(f -> "big".equals(f.path("rid").asText()), "pong").path("op").asText());

            c.sendLine(pingOfSize(MAX_FRAME + 1));
            JsonNode bye = c.awaitOp("bye");
            assertEquals("BAD_FRAME", bye.path("reason").asText(), bye.toString());
            List<JsonNode> rest = c.awaitClosed();
            assertEquals(List.of(), rest.stream().filter(f -> "pong".equals(f.path("op").asText())).toList(),
                    "the oversize line was not executed");

            assertEquals("pong", bystander.request(op("ping")).path("op").asText());
            assertStillServing(server);
        }
    }

    @Test
    @DisplayName("a text line longer than maxFrameBytes, even before its newline arrives, gets a BAD_FRAME goodbye and a close")
    void overlongTextLine() {
        try (TextClient c = server.text()) {
            c.sendRaw(("x".repeat(MAX_FRAME + 100)).getBytes(StandardCharsets.UTF_8));
            String bye = c.awaitContaining("(BAD_FRAME)");
            assertTrue(bye.startsWith("*"), bye);
            assertTrue(c.awaitClosed());
        }
        assertStillServing(server);
    }

    @Test
    @DisplayName("a line that is not JSON gets error BAD_FRAME and the connection stays usable")
    void invalidJson() {
        try (JsonClient c = server.json()) {
            for (String bad : List.of("{\"op\":", "{op: ping}", "{\"op\":\"ping\"} trailing", "[1,2,3]", "{}}")) {
                c.sendLine(bad);
                JsonNode err = c.await(f -> "error".equals(f.path("op").asText()) || "pong".equals(f.path("op").asText()),
                        "the answer to " + bad);
                assertFalse(err.path("ok").asBoolean(), err.toString());
                assertEquals("BAD_FRAME", code(err), bad + " -> " + err);
            }
            assertEquals("pong", c.request(op("ping")).path("op").asText());
        }
    }

    @Test
    @DisplayName("invalid UTF-8 inside a JSON line gets error BAD_FRAME and the connection stays usable")
    void invalidUtf8InJson() {
        try (JsonClient c = server.loggedIn("lim.utf8"); JsonClient other = server.loggedIn("lim.utf8.rx")) {
            other.awaitCatchUp("lim.utf8.rx");
            List<byte[]> bad = List.of(
                    bytes("{\"op\":\"say\",\"text\":\"caf\u00ff\u00fe\"}\n"),       // bytes that never occur in UTF-8
                    bytes("{\"op\":\"say\",\"text\":\"\u00c3\"}\n"),                 // a lead byte without its continuation
                    bytes("{\"op\":\"say\",\"text\":\"\u00c0\u00af\"}\n"),           // an overlong encoding of '/'
                    bytes("{\"op\":\"say\",\"text\":\"\u00ed\u00a0\u0080\"}\n"));    // an encoded surrogate (CESU-8)
            for (byte[] line : bad) {
                c.sendRaw(line);
                JsonNode err = c.await(f -> "error".equals(f.path("op").asText()) || "say".equals(f.path("op").asText()),
                        "the answer to invalid UTF-8");
                assertEquals("BAD_FRAME", code(err), err.toString());
            }
            c.say("valid after invalid");
            JsonNode m = other.awaitMessage("valid after invalid");
            assertEquals(List.of(), other.framesBefore(m).stream().filter(f -> isMessage(f))
                            .filter(f -> "lim.utf8".equals(f.path("from").asText())).toList(),
                    "nothing of the invalid lines was delivered");
        }
    }

    @Test
    @DisplayName("invalid UTF-8 on the text protocol gets one '! BAD_FRAME' line and the connection stays usable")
    void invalidUtf8InText() {
        try (TextClient c = server.text()) {
            for (byte[] line : List.of(bytes("/register lim.t\u00ff 123456\r\n"), bytes("caf\u00c3\n"),
                    bytes("/msg x \u00c0\u00af\n"), bytes("/msg x \u00ed\u00a0\u0080\n"))) {
                c.sendRaw(line);
                String err = c.await(l -> l.startsWith("!"), "an error line");
                assertTrue(err.startsWith("! BAD_FRAME"), err);
            }
            c.send("/ping");
            c.awaitContaining("pong");
        }
    }

    @Test
    @DisplayName("an unknown op gets UNKNOWN_OP with the op and rid echoed, before and after login")
    void unknownOp() {
        try (JsonClient c = server.json()) {
            JsonNode r = c.request(op("frobnicate"));
            assertEquals("frobnicate", r.path("op").asText(), r.toString());
            assertEquals("UNKNOWN_OP", code(r), r.toString());
            c.registerIfNeeded("lim.unknown", "123456");
            c.login("lim.unknown", "123456");
            assertEquals("UNKNOWN_OP", code(c.request(op("frobnicate"))));
        }
    }

    @Test
    @DisplayName("a request without an op, or with a non-string op, gets BAD_REQUEST with its rid")
    void missingOp() {
        try (JsonClient c = server.json()) {
            JsonNode r = c.request(Json.object().put("user", "x"));
            assertFalse(r.path("ok").asBoolean(), r.toString());
            assertEquals("BAD_REQUEST", code(r), r.toString());
            ObjectNode numeric = Json.object().put("op", 42);
            JsonNode r2 = c.request(numeric);
            assertEquals("BAD_REQUEST", code(r2), r2.toString());
            assertEquals("pong", c.request(op("ping")).path("op").asText());
        }
    }

    @Test
    @DisplayName("a say or msg over maxTextChars characters gets TEXT_TOO_LONG; exactly maxTextChars of 2-byte characters is delivered")
    void textTooLong() {
        try (JsonClient a = server.loggedIn("lim.long"); JsonClient b = server.loggedIn("lim.long.rx")) {
            b.awaitCatchUp("lim.long.rx");
            JsonNode say = a.say("y".repeat(MAX_TEXT + 1));
            assertEquals("TEXT_TOO_LONG", code(say), say.toString());
            JsonNode msg = a.msg("lim.long.rx", "y".repeat(MAX_TEXT + 1));
            assertEquals("TEXT_TOO_LONG", code(msg), msg.toString());

            String longest = "\u00e9".repeat(MAX_TEXT);
            assertTrue(a.say(longest).path("ok").asBoolean());
            JsonNode m = b.await(f -> isMessage(f) && "lim.long".equals(f.path("from").asText()),
                    "the longest message");
            assertEquals(longest, m.path("text").asText(), "the first message b gets is the accepted one, intact");
        }
    }

    @Test
    @DisplayName("a burst over the rate limit gets some RATE_LIMITED replies, the connection is kept, and later requests succeed")
    void rateLimit() {
        try (TestServer s = TestServer.start(Map.of("limits.ratePerSecond", 5, "limits.rateBurst", 5));
             JsonClient c = s.json()) {
            int n = 20;
            for (int i = 0; i < n; i++) c.send(op("ping", "rid", "p" + i));
            int pongs = 0;
            int limited = 0;
            for (int i = 0; i < n; i++) {
                String rid = "p" + i;
                JsonNode r = c.await(f -> rid.equals(f.path("rid").asText()), "reply to " + rid);
                if ("pong".equals(r.path("op").asText())) {
                    pongs++;
                } else {
                    assertEquals("ping", r.path("op").asText(), r.toString());
                    assertEquals("RATE_LIMITED", code(r), r.toString());
                    limited++;
                }
            }
            assertTrue(pongs >= 5 && pongs < n, "the burst is honoured, the rest refused: " + pongs + " pongs");
            assertTrue(limited >= n / 2, limited + " limited");
            assertFalse(c.closedByServer());

            // Tokens come back with time (5 per second); there is no event to wait for, so retry at a gentle pace.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            JsonNode later = c.request(op("ping"));
            while (!"pong".equals(later.path("op").asText()) && System.nanoTime() < deadline) {
                c.assertNothingWithin(Duration.ofMillis(250), Replies::isBye, "bye");
                later = c.request(op("ping"));
            }
            assertEquals("pong", later.path("op").asText(), later.toString());
        }
    }

    @Test
    @DisplayName("with maxConnectionsPerAddress=3 the fourth connection gets bye TOO_MANY_CONNECTIONS; a freed slot is reused")
    void connectionsPerAddress() {
        try (TestServer s = TestServer.start(Map.of("limits.maxConnectionsPerAddress", 3, "limits.exemptAddresses", ""))) {
            List<JsonClient> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    JsonClient c = s.json();
                    admitted.add(c);
                    assertEquals("pong", c.request(op("ping")).path("op").asText());
                }
                try (JsonClient fourth = s.json()) {
                    JsonNode bye = fourth.awaitOp("bye");
                    assertEquals("TOO_MANY_CONNECTIONS", bye.path("reason").asText(), bye.toString());
                    fourth.awaitClosed();
                }
                for (JsonClient c : admitted) {
                    assertEquals("pong", c.request(op("ping")).path("op").asText(), "the admitted ones are unaffected");
                }

                JsonClient leaving = admitted.remove(0);
                leaving.request(op("logout"));
                leaving.awaitClosed();
                leaving.close();
                // The slot is released when the server has processed the close; retry briefly if it has not yet.
                JsonNode answer = null;
                for (int attempt = 0; attempt < 20 && answer == null; attempt++) {
                    JsonClient next = s.json();
                    JsonNode r;
                    try {
                        next.send(op("ping", "rid", "again"));
                        r = next.await(f -> "again".equals(f.path("rid").asText()) || isBye(f),
                                "pong or bye");
                    } catch (IllegalStateException | AssertionError refused) {
                        r = op("refused");   // the server closed it before the ping could be written or answered
                    }
                    if ("pong".equals(r.path("op").asText())) {
                        answer = r;
                        admitted.add(next);
                    } else {
                        next.close();
                    }
                }
                assertTrue(answer != null, "a freed slot admits a new connection");
            } finally {
                admitted.forEach(JsonClient::close);
            }
        }
    }
}
