package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static void assertOk(JsonNode reply, String user) {
        assertTrue(reply.path("ok").asBoolean(), reply.toString());
        assertEquals("register", reply.path("op").asText(), reply.toString());
        assertEquals(user, reply.path("user").asText(), reply.toString());
    }

    private static void assertFails(JsonNode reply, String code) {
        assertFalse(reply.path("ok").asBoolean(), reply.toString());
        assertEquals("register", reply.path("op").asText(), reply.toString());
        assertEquals(code, code(reply), reply.toString());
        assertFalse(reply.path("error").path("message").asText().isBlank(), "an error says why: " + reply);
    }

    @ParameterizedTest(name = "user id \"{0}\" is accepted")
    @ValueSource(strings = {"a", "Z9", "r.valid_id-1", "abcdefghijklmnopqrstuvwxyz012345"})
    @DisplayName("a user id of 1 to 32 characters from A-Z a-z 0-9 _ . - is accepted, and its owner can log in")
    void validIdsAreAccepted(String user) {
        try (JsonClient c = server.json(); JsonClient d = server.json()) {
            assertOk(c.register(user, "123456"), user);
            d.login(user, "123456");
        }
    }

    @Test
    @DisplayName("passwords of exactly 6 and exactly 128 characters are accepted and work for login")
    void passwordBoundsAreInclusive() {
        String shortest = "abc123";
        String longest = "p".repeat(127) + "\u00e9";
        try (JsonClient c = server.json()) {
            assertOk(c.register("r.pw6", shortest), "r.pw6");
            assertOk(c.register("r.pw128", longest), "r.pw128");
        }
        try (JsonClient a = server.json(); JsonClient b = server.json()) {
            a.login("r.pw6", shortest);
            b.login("r.pw128", longest);
        }
    }

    @ParameterizedTest(name = "user id \"{0}\" is INVALID_USER")
    @ValueSource(strings = {"", "has space", "slash/no", "colon:no", "caf\u00e9", "tab\there",
            "abcdefghijklmnopqrstuvwxyz0123456"})
    @DisplayName("a user id that is empty, 33 characters long or has other characters is refused with INVALID_USER")
    void invalidIdsAreRefused(String user) {
        try (JsonClient c = server.json()) {
            assertFails(c.register(user, "123456"), "INVALID_USER");
            // Nothing was created: the id cannot log in.
            JsonNode login = c.request(op("login", "user", user, "password", "123456"));
            assertFalse(login.path("ok").asBoolean(), login.toString());
        }
    }

    @Test
    @DisplayName("a register without a user id is refused with INVALID_USER")
    void missingIdIsRefused() {
        try (JsonClient c = server.json()) {
            assertFails(c.request(op("register", "password", "123456")), "INVALID_USER");
        }
    }

    @Test
    @DisplayName("a password of 5 or 129 characters, or none, is refused with INVALID_PASSWORD and creates nothing")
    void outOfBoundsPasswordsAreRefused() {
        try (JsonClient c = server.json()) {
            assertFails(c.register("r.short", "12345"), "INVALID_PASSWORD");
            assertFails(c.register("r.long", "p".repeat(129)), "INVALID_PASSWORD");
            assertFails(c.request(op("register", "user", "r.nopw")), "INVALID_PASSWORD");
            // The ids are still free.
            assertOk(c.register("r.short", "123456"), "r.short");
            assertOk(c.register("r.long", "123456"), "r.long");
        }
    }

    @Test
    @DisplayName("registering a taken id is refused with USER_EXISTS and the first password stays valid")
    void takenIdIsRefused() {
        try (JsonClient c = server.json(); JsonClient d = server.json()) {
            assertOk(c.register("r.taken", "first-pw"), "r.taken");
            assertFails(d.register("r.taken", "second-pw"), "USER_EXISTS");
            JsonNode wrong = d.request(op("login", "user", "r.taken", "password", "second-pw"));
            assertEquals("BAD_CREDENTIALS", code(wrong), wrong.toString());
            d.login("r.taken", "first-pw");
        }
    }

    @Test
    @DisplayName("without a name the display name is the id; with one it is shown to the others")
    void nameDefaultsToId() {
        try (JsonClient reg = server.json(); JsonClient observer = server.loggedIn("r.observer")) {
            assertOk(reg.register("r.noname", "123456"), "r.noname");
            assertOk(reg.request(op("register", "user", "r.named", "password", "123456", "name", "Scott Tiger")), "r.named");

            try (JsonClient a = server.json(); JsonClient b = server.json()) {
                JsonNode la = a.login("r.noname", "123456");
                assertEquals("r.noname", la.path("name").asText(), la.toString());
                assertEquals("r.noname", observer.awaitPresence("r.noname", "online").path("name").asText());

                JsonNode lb = b.login("r.named", "123456");
                assertEquals("Scott Tiger", lb.path("name").asText(), lb.toString());
                assertEquals("Scott Tiger", observer.awaitPresence("r.named", "online").path("name").asText());

                b.say("hi from named");
                JsonNode m = observer.awaitMessage("hi from named");
                assertEquals("Scott Tiger", m.path("name").asText(), m.toString());
            }
        }
    }

    @Test
    @DisplayName("a name of 64 characters is accepted, one of 65 is refused and creates nothing")
    void nameLongerThan64IsRefused() {
        try (JsonClient c = server.json()) {
            assertOk(c.request(op("register", "user", "r.name64", "password", "123456", "name", "n".repeat(64))), "r.name64");
            JsonNode tooLong = c.request(op("register", "user", "r.name65", "password", "123456", "name", "n".repeat(65)));
            assertFalse(tooLong.path("ok").asBoolean(), tooLong.toString());
            assertEquals("BAD_REQUEST", code(tooLong), tooLong.toString());
            assertOk(c.register("r.name65", "123456"), "r.name65");
        }
    }

    @ParameterizedTest(name = "name with U+{0} is BAD_REQUEST")
    @ValueSource(ints = {0x07, 0x0A, 0x1B, 0x7F, 0x85, 0x9B, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C})
    @DisplayName("a name with a control character, a line/paragraph separator or a bidi control is refused and creates nothing")
    void unsafeNamesAreRefused(int codePoint) {
        String user = "r.cp" + Integer.toHexString(codePoint);
        String name = "evil" + new String(Character.toChars(codePoint)) + "txt.exe";
        try (JsonClient c = server.json()) {
            JsonNode r = c.request(op("register", "user", user, "password", "123456", "name", name));
            assertFalse(r.path("ok").asBoolean(), r.toString());
            assertEquals("BAD_REQUEST", code(r), r.toString());
            assertTrue(r.path("error").path("message").asText().startsWith("name:"), r.toString());
            assertOk(c.register(user, "123456"), user);
        }
    }

    @Test
    @DisplayName("names in any script, with emoji and joiners, are accepted")
    void internationalNamesAreAccepted() {
        try (JsonClient c = server.json()) {
            String[] names = {"Zoë Ångström", "名前", "محمد", "שלום", "👩\u200D💻 dev", "a\u00A0b"};
            for (int i = 0; i < names.length; i++) {
                JsonNode r = c.request(op("register", "user", "r.intl" + i, "password", "123456", "name", names[i]));
                assertOk(r, "r.intl" + i);
            }
        }
    }

    @Test
    @DisplayName("20 connections registering the same id at once: exactly one wins, 19 get USER_EXISTS")
    void concurrentRegistrationsHaveOneWinner() {
        int n = 20;
        List<JsonClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) clients.add(server.json());
            // Everything is on the wire before the first answer is read.
            for (int i = 0; i < n; i++) {
                clients.get(i).send(op("register", "user", "r.race", "password", "password-" + i, "rid", "race"));
            }
            int won = -1;
            int exists = 0;
            for (int i = 0; i < n; i++) {
                JsonNode r = clients.get(i).await(f -> "race".equals(f.path("rid").asText()), "register reply");
                if (r.path("ok").asBoolean()) {
                    assertEquals(-1, won, "a second winner: " + r);
                    won = i;
                } else {
                    assertEquals("USER_EXISTS", code(r), r.toString());
                    exists++;
                }
            }
            assertTrue(won >= 0, "nobody won");
            assertEquals(n - 1, exists);
            // The winner's password is the one stored.
            try (JsonClient c = server.json()) {
                c.login("r.race", "password-" + won);
            }
        } finally {
            clients.forEach(JsonClient::close);
        }
    }
}
