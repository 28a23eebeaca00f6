package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.Replies.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginalDemoTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    @DisplayName("the original demo over JSON lines: 100, 200, 300 log in, 300 says hello, 200 quits")
    void originalDemoOverJson() {
        try (JsonClient a = server.json(); JsonClient b = server.json(); JsonClient c = server.json()) {
            a.register("100", "123456");
            b.register("200", "123456");
            c.register("300", "123456");

            JsonNode la = a.login("100", "123456");
            assertEquals(List.of(), users(la.path("online")));

            JsonNode lb = b.login("200", "123456");
            assertEquals(List.of("100"), users(lb.path("online")));
            a.awaitPresence("200", "online");

            JsonNode lc = c.login("300", "123456");
            assertEquals(List.of("100", "200"), users(lc.path("online")));
            a.awaitPresence("300", "online");
            b.awaitPresence("300", "online");

            JsonNode ok = c.say("hello");
            assertTrue(ok.path("ok").asBoolean(), ok.toString());
            JsonNode ma = a.awaitMessage("hello");
            JsonNode mb = b.awaitMessage("hello");
            assertEquals("300", ma.path("from").asText());
            assertEquals("group", ma.path("kind").asText());
            assertEquals(ok.path("id").asText(), mb.path("id").asText());

            JsonNode bye = b.request(JsonClient.op("logout"));
            assertTrue(bye.path("ok").asBoolean());
            b.awaitClosed();
            a.awaitPresence("200", "offline");
            c.awaitPresence("200", "offline");

            // The sender does not get its own group message back.
            c.request(JsonClient.op("ping"));
            assertFalse(c.unconsumed().stream().anyMatch(f -> isMessage(f)));
        }
    }

    @Test
    @DisplayName("the original demo over the text protocol, as a human on nc sees it")
    void originalDemoOverText() {
        try (TextClient a = server.text(); TextClient b = server.text(); TextClient c = server.text()) {
            a.send("");   // a person presses Enter and is welcomed (the server never speaks first)
            a.awaitContaining("/help");
            a.send("/register t100 123456 alice");
            a.awaitContaining("registered t100");
            b.send("/register t200 123456 bob");
            b.awaitContaining("registered t200");
            c.send("/register t300 123456 carol");
            c.awaitContaining("registered t300");

            a.send("/login t100 123456");
            a.awaitContaining("welcome, alice (t100)");
            b.send("/login t200 123456");
            String welcomeB = b.awaitContaining("welcome, bob (t200)");
            assertTrue(welcomeB.contains("alice (t100)"), welcomeB);
            a.awaitContaining("bob (t200) is online");
            c.send("/login t300 123456");
            String welcomeC = c.awaitContaining("welcome, carol (t300)");
            assertTrue(welcomeC.contains("alice (t100)") && welcomeC.contains("bob (t200)"), welcomeC);

            c.send("hello");
            assertTrue(a.awaitContaining("hello").contains("carol (t300): hello"));
            assertTrue(b.awaitContaining("hello").contains("carol (t300): hello"));

            b.send("/quit");
            assertTrue(b.awaitClosed());
            a.awaitContaining("bob (t200) went offline");
            c.awaitContaining("bob (t200) went offline");
        }
    }
}
