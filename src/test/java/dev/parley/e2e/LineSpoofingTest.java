package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import dev.parley.protocol.seed.StockSeedClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static dev.parley.e2e.Replies.isMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message cannot pose as server output: it reaches text and seed users as exactly one line. */
class LineSpoofingTest {
    static final String SPOOF = "hello\r\n* bye: server restarting (SHUTDOWN)\u001b[2J\u0007";
    static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    @DisplayName("CR LF, an ANSI clear-screen and a bell sent by a JSON user reach text and seed users as one clean line")
    void oneLineForTextAndSeed() throws Exception {
        StockSeedClient.register("127.0.0.1", server.port(), 8100, "123456", "");
        try (JsonClient sender = server.loggedIn("8200"); TextClient text = server.text();
             StockSeedClient seed = StockSeedClient.login("127.0.0.1", server.port(), 8100, "123456")) {
            text.send("/register 8300 123456");
            text.send("/login 8300 123456");
            text.awaitContaining("* welcome");
            sender.awaitPresence("8300", "online");
            sender.awaitPresence("8100", "online");

            assertTrue(sender.say(SPOOF).path("ok").asBoolean());
            // The JSON user gets the exact text back in JSON (escaped), which is what programs want.
            sender.say("end marker");

            String marker = text.awaitContaining("end marker");
            List<String> lines = text.linesBefore(marker).stream().filter(l -> l.contains("restarting")).toList();
            assertEquals(1, lines.size(), "one line: " + text.log());
            String line = lines.get(0);
            assertTrue(line.matches("\\[\\d\\d:\\d\\d] 8200: hello\uFFFD\uFFFD\\* bye: server restarting \\(SHUTDOWN\\)\uFFFD\\[2J\uFFFD"),
                    line);
            assertFalse(text.log().stream().anyMatch(l -> l.startsWith("* bye")), "no forged bye line: " + text.log());
            assertNoControls(line);

            seed.awaitMessage(SmsMes.class, m -> m.content().equals("end marker"), WAIT);
            SmsMes got = seed.awaitMessage(SmsMes.class, m -> m.content().contains("restarting"), WAIT);
            assertEquals("hello\uFFFD\uFFFD* bye: server restarting (SHUTDOWN)\uFFFD[2J\uFFFD", got.content());
            assertEquals(8200, got.userId());
            assertNoControls(got.content());
            seed.expectNoMessage(m -> m instanceof SmsMes s && s.userId() == 0, Duration.ZERO);
        }
    }

    @Test
    @DisplayName("a JSON recipient gets the exact text, every control escaped by JSON")
    void jsonKeepsExactText() {
        try (JsonClient sender = server.loggedIn("8400"); JsonClient receiver = server.loggedIn("8500")) {
            sender.awaitPresence("8500", "online");
            sender.msg("8500", SPOOF);
            JsonNode m = receiver.await(f -> isMessage(f)
                    && f.path("text").asText().contains("restarting"), "the message");
            assertEquals(SPOOF, m.path("text").asText());
        }
    }

    private static void assertNoControls(String s) {
        s.chars().forEach(c -> assertFalse(c < 0x20 || (c >= 0x7f && c <= 0x9f), "control U+" + Integer.toHexString(c) + " in " + s));
    }
}
