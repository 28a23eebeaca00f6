package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.isBye;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node must not be exhaustible by one client: connection slots, idle and login clocks, error replies. */
class HardeningTest {
    private static final Duration PATIENCE = Duration.ofSeconds(8);

    /** Sends one byte of {@code bytes} per {@code pace} until a bye arrives (or {@link #PATIENCE} passes). */
    private static JsonNode dripUntilBye(JsonClient c, byte[] bytes, Duration pace) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % bytes.length) {
            try {
                c.sendRaw(new byte[] {bytes[i]});
            } catch (IllegalStateException closed) {
                break;   // the server closed it between two bytes: the bye is already queued
            }
            JsonNode bye = c.poll(Replies::isBye, pace);
            if (bye != null) return bye;
        }
        return c.poll(Replies::isBye, Duration.ZERO);
    }

    @Test
    @DisplayName("with the shipped per-address cap, one address gets 64 connections and the 65th is refused")
    void shippedPerAddressCap() {
        try (TestServer s = TestServer.start(Map.of("limits.exemptAddresses", ""))) {
            List<JsonClient> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) admitted.add(s.json());
                for (JsonClient c : admitted) assertEquals("pong", c.request(op("ping")).path("op").asText());
                try (JsonClient extra = s.json()) {
                    JsonNode bye = extra.awaitOp("bye");
                    assertEquals("TOO_MANY_CONNECTIONS", bye.path("reason").asText(), bye.toString());
                    extra.awaitClosed();
                }
            } finally {
                admitted.forEach(JsonClient::close);
            }
        }
    }

    @Test
    @DisplayName("an exempt address (limits.exemptAddresses) is not held to maxConnectionsPerAddress")
    void exemptAddress() {
        try (TestServer s = TestServer.start(Map.of("limits.maxConnectionsPerAddress", 2,
                "limits.exemptAddresses", "10.0.0.0/8, 127.0.0.0/8"))) {
            List<JsonClient> all = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) all.add(s.json());
                for (JsonClient c : all) assertEquals("pong", c.request(op("ping")).path("op").asText());
            } finally {
                all.forEach(JsonClient::close);
            }
        }
    }

    @Test
    @DisplayName("one byte at a time without a newline does not keep a connection alive: bye IDLE at the idle timeout")
    void dripFeedIsIdle() {
        try (TestServer s = TestServer.start(Map.of("limits.idleTimeoutSeconds", 1, "limits.loginTimeoutSeconds", 600));
             JsonClient c = s.json()) {
            byte[] partial = ("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
            JsonNode bye = dripUntilBye(c, partial, Duration.ofMillis(200));
            assertNotNull(bye, "still connected after " + PATIENCE.toSeconds() + " s of drip-fed bytes with a 1 s idle timeout");
            assertEquals("IDLE", bye.path("reason").asText(), bye.toString());
            c.awaitClosed();
        }
    }

    @Test
    @DisplayName("empty lines are no requests: a client sending only newlines gets bye IDLE")
    void emptyLinesAreIdle() {
        try (TestServer s = TestServer.start(Map.of("limits.idleTimeoutSeconds", 1, "limits.loginTimeoutSeconds", 600));
             TextClient c = s.text()) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            String bye = null;
            while (bye == null && System.nanoTime() < deadline) {
                try {
                    c.sendRaw("\r\n".getBytes(StandardCharsets.UTF_8));
                } catch (IllegalStateException closed) {
                    break;
                }
                bye = c.poll(l -> l.contains("(IDLE)"), Duration.ofMillis(200));
            }
            if (bye == null) bye = c.poll(l -> l.contains("(IDLE)"), Duration.ZERO);
            assertNotNull(bye, "empty lines kept the connection alive");
            assertTrue(c.awaitClosed());
        }
    }

    @Test
    @DisplayName("a connection that never logs in gets bye LOGIN_TIMEOUT although it keeps pinging; a logged-in one stays")
    void loginTimeout() {
        try (TestServer s = TestServer.start(Map.of("limits.loginTimeoutSeconds", 1));
             JsonClient user = s.loggedIn("hard.user");
             JsonClient anon = s.json()) {
            JsonNode bye = Await.firstNonNull(() -> {
                anon.send(op("ping"));
                return anon.poll(Replies::isBye, Duration.ofMillis(250));
            }, PATIENCE, Duration.ZERO);
            assertNotNull(bye, "an anonymous connection outlived a 1 s login timeout");
            assertEquals("LOGIN_TIMEOUT", bye.path("reason").asText(), bye.toString());
            anon.awaitClosed();
            assertEquals("pong", user.request(op("ping")).path("op").asText(), "the logged-in user was not cut off");
            assertFalse(user.closedByServer());
        }
    }

    @Test
    @DisplayName("10,000 invalid lines in one burst are not answered 10,000 times: errors cost tokens, then bye BAD_FRAME")
    void invalidLineFlood() {
        int burst = 100;
        try (TestServer s = TestServer.start(Map.of("limits.ratePerSecond", 50, "limits.rateBurst", burst));
             JsonClient bystander = s.json();
             JsonClient c = s.json()) {
            StringBuilder junk = new StringBuilder();
            for (int i = 0; i < 10_000; i++) junk.append("{\"op\":\n");
            try {
                c.sendRaw(junk.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IllegalStateException closedWhileSending) {
                // the server may close before the last bytes are out
            }
            List<JsonNode> frames = c.awaitClosed();
            long errors = frames.stream().filter(f -> "BAD_FRAME".equals(Replies.code(f))).count();
            JsonNode bye = frames.stream().filter(Replies::isBye).findFirst().orElse(null);
            assertNotNull(bye, "no bye; got " + errors + " error replies");
            assertEquals("BAD_FRAME", bye.path("reason").asText(), bye.toString());
            // The burst plus what refills while the server reads (50/s): far below one reply per line.
            assertTrue(errors >= 1 && errors <= burst + 100, errors + " error replies to 10,000 invalid lines");
            assertEquals("pong", bystander.request(op("ping")).path("op").asText());
        }
    }
}
