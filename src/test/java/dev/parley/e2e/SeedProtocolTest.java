package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import dev.parley.protocol.seed.StockSeedClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stock seed client, unchanged, against a real Parley node. */
class SeedProtocolTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static StockSeedClient login(long id) throws Exception {
        StockSeedClient c = StockSeedClient.login("127.0.0.1", server.port(), id, "123456");
        assertEquals(LoginResMes.OK, c.loginResult().code(), "login of " + id + ": " + c.firstFrame());
        return c;
    }

    @Test
    @DisplayName("the original demo with stock seed clients: 100, 200, 300 register and log in, 300's hello reaches 100 and 200")
    void originalDemo() throws Exception {
        for (long id : new long[]{1100, 1200, 1300}) {
            RegisterResMes r = StockSeedClient.register("127.0.0.1", server.port(), id, "123456", "user" + id);
            assertEquals(RegisterResMes.OK, r.code(), r.toString());
        }
        try (StockSeedClient a = login(1100)) {
            assertEquals(List.of(1100L), a.loginResult().usersId());
            try (StockSeedClient b = login(1200)) {
                assertEquals(List.of(1200L, 1100L), b.loginResult().usersId());
                a.awaitMessage(NotifyUserStatusMes.class, n -> n.userId() == 1200 && n.status() == 0, WAIT);
                try (StockSeedClient c = login(1300)) {
                    assertTrue(c.loginResult().usersId().containsAll(List.of(1100L, 1200L)), c.loginResult().toString());
                    a.awaitMessage(NotifyUserStatusMes.class, n -> n.userId() == 1300 && n.status() == 0, WAIT);
                    b.awaitMessage(NotifyUserStatusMes.class, n -> n.userId() == 1300 && n.status() == 0, WAIT);

                    c.sendGroup("hello");
                    SmsMes atA = a.awaitMessage(SmsMes.class, s -> s.content().equals("hello"), WAIT);
                    SmsMes atB = b.awaitMessage(SmsMes.class, s -> s.content().equals("hello"), WAIT);
                    assertEquals(1300, atA.userId());
                    assertEquals(1300, atB.userId());
                }
                // 300 just closes its socket, as the stock client does: the others are told.
                a.awaitMessage(NotifyUserStatusMes.class, n -> n.userId() == 1300 && n.status() == 1, WAIT);
                b.awaitMessage(NotifyUserStatusMes.class, n -> n.userId() == 1300 && n.status() == 1, WAIT);
                assertEquals(List.of(), a.problems());
                assertEquals(List.of(), b.problems());
            }
        }
    }

    @Test
    @DisplayName("register answers the stock codes: 505 for a taken id, and login 403 for a bad password")
    void codes() throws Exception {
        assertEquals(RegisterResMes.OK, StockSeedClient.register("127.0.0.1", server.port(), 2100, "123456", "").code());
        assertEquals(RegisterResMes.USER_EXISTS, StockSeedClient.register("127.0.0.1", server.port(), 2100, "123456", "").code());
        assertEquals(RegisterResMes.OTHER_ERROR, StockSeedClient.register("127.0.0.1", server.port(), 2101, "12", "").code());
        try (StockSeedClient bad = StockSeedClient.login("127.0.0.1", server.port(), 2100, "wrong!")) {
            assertEquals(LoginResMes.WRONG_PASSWORD, bad.loginResult().code());
            assertNull(bad.loginResult().usersId());
        }
    }

    @Test
    @DisplayName("a mixed room: a JSON-lines user and a seed user talk to each other; forged ids are ignored")
    void mixedRoom() throws Exception {
        StockSeedClient.register("127.0.0.1", server.port(), 3100, "123456", "seedy");
        try (JsonClient json = server.loggedIn("3200"); JsonClient named = server.loggedIn("carol-json");
             StockSeedClient seed = login(3100)) {
            json.awaitPresence("3100", "online");
            seed.sendGroupAsForgedUser("from seed", 3200);
            JsonNode got = json.awaitMessage("from seed");
            assertEquals("3100", got.path("from").asText(), "the sender is the session's user, not the claimed id");

            json.say("from json");
            SmsMes s = seed.awaitMessage(SmsMes.class, m -> m.content().equals("from json"), WAIT);
            assertEquals(3200, s.userId());

            json.msg("3100", "secret");
            SmsMes p = seed.awaitMessage(SmsMes.class, m -> m.content().contains("secret"), WAIT);
            assertEquals("[private] secret", p.content());

            // A user whose id is not an integer is invisible to seed clients: its message is not forwarded.
            named.say("invisible");
            json.awaitMessage("invisible");
            json.say("sentinel");
            seed.awaitMessage(SmsMes.class, m -> m.content().equals("sentinel"), WAIT);
            seed.expectNoMessage(m -> m instanceof SmsMes sm && sm.content().equals("invisible"), Duration.ZERO);
        }
    }

    @Test
    @DisplayName("mail stored while a seed user was offline arrives at login, marked offline")
    void offlineMail() throws Exception {
        StockSeedClient.register("127.0.0.1", server.port(), 4100, "123456", "");
        try (JsonClient json = server.loggedIn("4200")) {
            JsonNode r = json.msg("4100", "while you were out");
            assertTrue(r.path("stored").asBoolean(), r.toString());
        }
        try (StockSeedClient seed = login(4100)) {
            SmsMes m = seed.awaitMessage(SmsMes.class, s -> s.content().contains("while you were out"), WAIT);
            assertTrue(m.content().startsWith("[offline "), m.content());
            assertEquals(4200, m.userId());
        }
    }

    @Test
    @DisplayName("a long group text reaches a seed client in one frame of at most 8096 bytes, marked truncated")
    void longTextIsCapped() throws Exception {
        StockSeedClient.register("127.0.0.1", server.port(), 5100, "123456", "");
        try (JsonClient json = server.loggedIn("5200"); StockSeedClient seed = login(5100)) {
            json.awaitPresence("5100", "online");
            String text = "é".repeat(3999);
            json.say(text);
            SmsMes m = seed.awaitMessage(SmsMes.class, s -> s.content().startsWith("éé"), WAIT);
            assertTrue(m.content().endsWith(SeedCodec.TRUNCATION_MARKER), "marked as truncated");
            assertEquals(List.of(), seed.problems(), "no frame over 8096 bytes");
        }
    }

    @Test
    @DisplayName("seed registration takes ids 1 to 999999999999999999 only: 0, -1, 2^63-1 get 506 INVALID_USER and create nothing")
    void seedIdsArePositiveAndInRange() throws Exception {
        for (long id : new long[]{0, -1, Long.MAX_VALUE, 1_000_000_000_000_000_000L}) {
            RegisterResMes r = StockSeedClient.register("127.0.0.1", server.port(), id, "123456", "");
            assertEquals(RegisterResMes.OTHER_ERROR, r.code(), id + ": " + r);
            assertTrue(r.error().startsWith("INVALID_USER: seed user ids are whole numbers"), r.toString());
            try (JsonClient c = server.json()) {
                JsonNode login = c.request(JsonClient.op("login", "user", Long.toString(id), "password", "123456"));
                assertEquals("BAD_CREDENTIALS", Replies.code(login), "no account " + id + ": " + login);
            }
        }
        RegisterResMes top = StockSeedClient.register("127.0.0.1", server.port(), 999_999_999_999_999_999L, "123456", "");
        assertEquals(RegisterResMes.OK, top.code(), top.toString());
    }

    @Test
    @DisplayName("a quoted seed id with leading zeros (\"007\") is a BAD_FRAME, not account 7 or 007")
    void seedIdsHaveNoLeadingZeros() throws Exception {
        String register = "{\"type\":\"RegisterMes\",\"data\":"
                + "\"{\\\"user\\\":{\\\"userId\\\":\\\"007\\\",\\\"userPwd\\\":\\\"123456\\\",\\\"userName\\\":\\\"\\\"}}\"}";
        try (var raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.getOutputStream().write(frame(register));
            raw.setSoTimeout(10_000);
            byte[] all = raw.getInputStream().readAllBytes();
            String body = new String(all, 4, all.length - 4, StandardCharsets.UTF_8);
            assertTrue(body.contains("BAD_FRAME") && body.contains("leading zeros"), body);
        }
        for (String id : new String[]{"7", "007"}) {
            try (JsonClient c = server.json()) {
                JsonNode login = c.request(JsonClient.op("login", "user", id, "password", "123456"));
                assertEquals("BAD_CREDENTIALS", Replies.code(login), "no account " + id + ": " + login);
            }
        }
    }

    @Test
    @DisplayName("bad input: a zero length, an oversized length, bad JSON, an unknown type -> error and close, server fine")
    void badInput() throws Exception {
        byte[][] attacks = {
                {0, 0, 0, 0},
                {0, 0x7f, (byte) 0xff, (byte) 0xff},
                frame("{not json"),
                frame("{\"type\":\"NoSuchMes\",\"data\":\"{}\"}"),
        };
        for (byte[] attack : attacks) {
            try (var raw = new java.net.Socket("127.0.0.1", server.port())) {
                raw.getOutputStream().write(attack);
                raw.setSoTimeout(10_000);
                byte[] all = raw.getInputStream().readAllBytes();
                assertTrue(all.length > 4, "an error frame before the close");
                String body = new String(all, 4, all.length - 4, StandardCharsets.UTF_8);
                assertTrue(body.contains("BAD_FRAME"), body);
            }
        }
        try (JsonClient ok = server.loggedIn("6100")) {
            assertTrue(ok.request(JsonClient.op("who")).path("ok").asBoolean());
        }
    }

    @Test
    @DisplayName("seed sessions keep the guarantees: one session per user (the old one is told and closed), rate limits answered")
    void sessionGuarantees() throws Exception {
        StockSeedClient.register("127.0.0.1", server.port(), 7100, "123456", "");
        try (StockSeedClient first = login(7100)) {
            try (StockSeedClient second = login(7100)) {
                SmsMes bye = first.awaitMessage(SmsMes.class, m -> m.content().startsWith("[server] REPLACED"), WAIT);
                assertEquals(0, bye.userId(), "server notices come from id 0");
                assertTrue(first.awaitDisconnect(WAIT), "the old session is closed");
                for (int i = 0; i < 150; i++) second.sendGroup("flood " + i);
                SmsMes limited = second.awaitMessage(SmsMes.class, m -> m.content().startsWith("[server] RATE_LIMITED"), WAIT);
                assertEquals(0, limited.userId());
            }
        }
    }

    private static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(b.length >> 8);
        out.write(b.length & 0xff);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
