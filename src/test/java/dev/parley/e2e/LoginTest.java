package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.Replies.isPresenceOf;
import static dev.parley.e2e.Replies.users;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonNode tryLogin(JsonClient c, String user, String password) {
        return c.request(op("login", "user", user, "password", password));
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

    /** The shipped login limits, set explicitly: TestServer raises the per-address one for other tests. */
    private static Map<String, Object> productionLoginLimits(Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("auth.loginAttemptsPerUserAddress", 5,
                "auth.loginAttemptsPerAddress", 20, "auth.loginSlowdownAfter", 10));
        for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
        return m;
    }

    @Test
    @DisplayName("60 wrong guesses and the right password sent at once on 61 connections from one address: 5 are checked, 56 are RATE_LIMITED")
    void parallelGuessesAreCountedWhenAdmitted() throws Exception {
        try (TestServer s = TestServer.start(productionLoginLimits())) {
            try (JsonClient c = s.json()) {
                c.register("p.victim", "123456");
            }
            List<JsonClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 61; i++) clients.add(s.json());
                // Connected first, then all requests go out back to back, so they are in flight together.
                for (int i = 0; i < 61; i++) {
                    clients.get(i).send(op("login", "user", "p.victim", "password", i == 30 ? "123456" : "guess-" + i));
                }
                Map<String, Integer> outcomes = new TreeMap<>();
                for (JsonClient c : clients) {
                    JsonNode reply = c.awaitOp("login");
                    outcomes.merge(reply.path("ok").asBoolean() ? "OK" : code(reply), 1, Integer::sum);
                }
                System.out.println("parallel guessing outcomes of 61: " + outcomes);
                int checked = outcomes.getOrDefault("OK", 0) + outcomes.getOrDefault("BAD_CREDENTIALS", 0);
                assertEquals(5, checked, "only the 5 allowed per user and address reach the password check: " + outcomes);
                assertEquals(56, outcomes.getOrDefault("RATE_LIMITED", 0), outcomes.toString());
            } finally {
                clients.forEach(JsonClient::close);
            }
            try (JsonClient elsewhere = JsonClient.connectFrom("127.0.0.2", s.port())) {
                elsewhere.login("p.victim", "123456");
            }
        }
    }

    @Test
    @DisplayName("an attacker's address is throttled per user and per address; the victim from another address still logs in")
    void lockoutIsNotAWeapon() {
        try (TestServer s = TestServer.start(productionLoginLimits())) {
            try (JsonClient c = s.json()) {
                c.register("w.victim", "123456");
                c.register("w.bystander", "123456");
            }
            try (JsonClient attacker = JsonClient.connectFrom("127.0.0.3", s.port())) {
                for (int i = 0; i < 5; i++) assertEquals("BAD_CREDENTIALS", code(tryLogin(attacker, "w.victim", "guess-" + i)));
                JsonNode right = tryLogin(attacker, "w.victim", "123456");
                assertEquals("RATE_LIMITED", code(right), "the attacker's address is done with this user: " + right);
                for (int i = 0; i < 15; i++) assertEquals("BAD_CREDENTIALS", code(tryLogin(attacker, "w.nobody" + i, "123456")));
                JsonNode any = tryLogin(attacker, "w.bystander", "123456");
                assertEquals("RATE_LIMITED", code(any), "20 attempts: the whole address waits: " + any);
            }
            try (JsonClient victim = s.json(); JsonClient bystander = s.json()) {
                victim.login("w.victim", "123456");
                bystander.login("w.bystander", "123456");
            }
        }
    }

    @Test
    @DisplayName("guesses on one user from many addresses are slowed down with doubling delays, but the right password still gets in")
    void distributedGuessingIsSlowedDown() {
        try (TestServer s = TestServer.start(productionLoginLimits("auth.loginSlowdownAfter", 2,
                "auth.loginSlowdownBaseMs", 400, "auth.loginSlowdownMaxMs", 800))) {
            try (JsonClient c = s.json()) {
                c.register("d.victim", "123456");
            }
            long[] took = new long[4];
            for (int i = 0; i < 4; i++) {
                try (JsonClient c = JsonClient.connectFrom("127.0.1." + (i + 1), s.port())) {
                    long t0 = System.nanoTime();
                    JsonNode r = tryLogin(c, "d.victim", i == 3 ? "123456" : "guess-" + i);
                    took[i] = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(i == 3 ? "" : "BAD_CREDENTIALS", code(r), r.toString());
                }
            }
            assertTrue(took[2] >= 400, "the 3rd attempt waits 400 ms: " + java.util.Arrays.toString(took));
            assertTrue(took[3] >= 800, "the 4th waits 800 ms, and succeeds: " + java.util.Arrays.toString(took));
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
