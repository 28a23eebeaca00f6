package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        // Failures here are few; keep the address throttle out of the way of the other tests.
        server = TestServer.start(Map.of("auth.maxFailedLoginsPerAddress", 1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String code(JsonNode reply) {
        return reply.path("error").path("code").asText();
    }

    private static JsonNode tryLogin(JsonClient c, String user, String password) {
        return c.request(op("login", "user", user, "password", password));
    }

    private static List<String> users(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("user").asText()));
        return out;
    }

    private static boolean isPresenceOf(JsonNode f, String user) {
        return "presence".equals(f.path("op").asText()) && user.equals(f.path("user").asText());
    }

    @Test
    @DisplayName("an unknown user and a wrong password get the same BAD_CREDENTIALS answer")
    void badCredentialsLookTheSame() {
        try (JsonClient c = server.json()) {
            c.register("l.known", "123456");
            JsonNode unknown = tryLogin(c, "l.nobody", "123456");
            JsonNode wrong = tryLogin(c, "l.known", "654321");
            assertFalse(unknown.path("ok").asBoolean(), unknown.toString());
            assertFalse(wrong.path("ok").asBoolean(), wrong.toString());
            assertEquals("BAD_CREDENTIALS", code(unknown), unknown.toString());
            assertEquals("BAD_CREDENTIALS", code(wrong), wrong.toString());
            assertEquals(unknown.path("error"), wrong.path("error"), "the two failures are indistinguishable");
            // The connection stays usable after failures.
            c.login("l.known", "123456");
        }
    }

    @Test
    @DisplayName("after maxFailedLoginsPerUser failures even the right password is RATE_LIMITED, from any connection; other users are unaffected")
    void failedLoginsAreThrottledPerUser() {
        try (TestServer s = TestServer.start(Map.of("auth.maxFailedLoginsPerUser", 3,
                "auth.maxFailedLoginsPerAddress", 1000))) {
            try (JsonClient c = s.json()) {
                c.register("victim", "123456");
                c.register("bystander", "123456");
                for (int i = 0; i < 3; i++) {
                    assertEquals("BAD_CREDENTIALS", code(tryLogin(c, "victim", "guess-" + i)));
                }
                JsonNode right = tryLogin(c, "victim", "123456");
                assertEquals("RATE_LIMITED", code(right), right.toString());
            }
            try (JsonClient fresh = s.json(); JsonClient other = s.json()) {
                JsonNode right = tryLogin(fresh, "victim", "123456");
                assertEquals("RATE_LIMITED", code(right), "a new connection does not reset the count: " + right);
                other.login("bystander", "123456");
            }
        }
    }

    @Test
    @DisplayName("after maxFailedLoginsPerAddress failures from one address, any login from it is RATE_LIMITED")
    void failedLoginsAreThrottledPerAddress() {
        try (TestServer s = TestServer.start(Map.of("auth.maxFailedLoginsPerUser", 1000,
                "auth.maxFailedLoginsPerAddress", 4))) {
            try (JsonClient c = s.json()) {
                c.register("honest", "123456");
                // Four different users, one failure each: no user is over its own limit.
                for (int i = 0; i < 4; i++) {
                    try (JsonClient attacker = s.json()) {
                        assertEquals("BAD_CREDENTIALS", code(tryLogin(attacker, "guess" + i, "123456")));
                    }
                }
                JsonNode right = tryLogin(c, "honest", "123456");
                assertEquals("RATE_LIMITED", code(right), right.toString());
            }
        }
    }

    @Test
    @DisplayName("a second login on the same connection is ALREADY_LOGGED_IN and the session goes on")
    void secondLoginOnSameConnection() {
        try (JsonClient c = server.loggedIn("l.twice")) {
            JsonNode again = tryLogin(c, "l.twice", "123456");
            assertEquals("ALREADY_LOGGED_IN", code(again), again.toString());
            JsonNode other = c.request(op("register", "user", "l.twice2", "password", "123456"));
            assertEquals("ALREADY_LOGGED_IN", code(other), other.toString());
            JsonNode who = c.request(op("who"));
            assertTrue(who.path("ok").asBoolean(), who.toString());
            assertTrue(users(who.path("online")).contains("l.twice"), who.toString());
        }
    }

    @Test
    @DisplayName("a login from another connection takes over: the old one gets bye REPLACED and is closed, the others see no flap")
    void loginElsewhereReplacesTheOldSession() {
        try (JsonClient observer = server.loggedIn("l.obs");
             JsonClient speaker = server.loggedIn("l.speaker");
             JsonClient old = server.loggedIn("l.dup")) {
            observer.awaitPresence("l.speaker", "online");
            observer.awaitPresence("l.dup", "online");

            try (JsonClient newer = server.json()) {
                JsonNode login = newer.login("l.dup", "123456");
                List<String> online = users(login.path("online"));
                assertTrue(online.containsAll(List.of("l.obs", "l.speaker")), login.toString());
                assertFalse(online.contains("l.dup"), "the list is the others: " + login);

                JsonNode bye = old.awaitOp("bye");
                assertEquals("REPLACED", bye.path("reason").asText(), bye.toString());
                old.awaitClosed();

                // Sentinel: once the observer has it, any flap would have arrived before it.
                speaker.say("sentinel after takeover");
                JsonNode sentinel = observer.awaitMessage("sentinel after takeover");
                List<JsonNode> flap = observer.framesBefore(sentinel).stream()
                        .filter(f -> isPresenceOf(f, "l.dup")).toList();
                assertEquals(1, flap.size(), "only the first online, no offline/online flap: " + flap);
                assertEquals("online", flap.get(0).path("status").asText());

                // The new session is live both ways and listed once.
                newer.awaitMessage("sentinel after takeover");
                newer.say("from the new session");
                assertEquals("l.dup", observer.awaitMessage("from the new session").path("from").asText());
                JsonNode who = observer.request(op("who"));
                assertEquals(1, users(who.path("online")).stream().filter("l.dup"::equals).count(), who.toString());
            }
        }
    }

    @Test
    @DisplayName("before login only register, login and ping are allowed; who, say and msg get NOT_LOGGED_IN")
    void commandsBeforeLoginAreRefused() {
        try (JsonClient c = server.json()) {
            for (var request : List.of(op("who"), op("say", "text", "hi"), op("msg", "to", "l.obs", "text", "hi"))) {
                String name = request.path("op").asText();
                JsonNode r = c.request(request);
                assertEquals(name, r.path("op").asText(), r.toString());
                assertEquals("NOT_LOGGED_IN", code(r), r.toString());
            }
            JsonNode pong = c.request(op("ping"));
            assertEquals("pong", pong.path("op").asText(), pong.toString());
            JsonNode reg = c.register("l.late", "123456");
            assertTrue(reg.path("ok").asBoolean(), reg.toString());
            c.login("l.late", "123456");
            JsonNode who = c.request(op("who"));
            assertTrue(who.path("ok").asBoolean(), who.toString());
        }
    }

    @Test
    @DisplayName("the login reply lists the others online and every other online user is told once")
    void loginAnnouncesToOthers() {
        try (JsonClient a = server.loggedIn("l.first")) {
            try (JsonClient b = server.json()) {
                b.register("l.second", "123456");
                JsonNode login = b.login("l.second", "123456");
                assertTrue(users(login.path("online")).contains("l.first"), login.toString());
                assertFalse(users(login.path("online")).contains("l.second"), login.toString());
                JsonNode p = a.awaitPresence("l.second", "online");
                assertEquals("l.second", p.path("name").asText());
                JsonNode who = b.request(op("who"));
                assertTrue(users(who.path("online")).containsAll(List.of("l.first", "l.second")), who.toString());
                assertEquals(who.path("online").size(), who.path("count").asInt(), who.toString());
            }
        }
    }
}
