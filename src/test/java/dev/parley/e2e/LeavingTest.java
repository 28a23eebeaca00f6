package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static dev.parley.e2e.Replies.isPresence;
import static dev.parley.e2e.Replies.users;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeavingTest {

    /**
     * The observer was told {@code user} went offline, exactly once (a sentinel from {@code speaker},
     * said afterwards, shows nothing more was on its way), and who no longer lists them.
     */
    private static void assertLeftOnce(String user, JsonClient observer, JsonClient speaker) {
        observer.awaitPresence(user, "offline");
        assertNoSecondOffline(user, observer, speaker);
    }

    private static void assertNoSecondOffline(String user, JsonClient observer, JsonClient speaker) {
        String text = "sentinel after " + user + " left";
        speaker.say(text);
        JsonNode sentinel = observer.awaitMessage(text);
        List<JsonNode> offline = observer.framesBefore(sentinel).stream()
                .filter(f -> isPresence(f, user, "offline")).toList();
        assertEquals(1, offline.size(), "offline exactly once: " + offline);
        JsonNode who = observer.request(op("who"));
        assertFalse(users(who.path("online")).contains(user), who.toString());
        assertEquals(who.path("online").size(), who.path("count").asInt(), who.toString());
    }

    @Nested
    @DisplayName("on a running server")
    class Running {
        @RegisterExtension
        static final TestServer server = TestServer.perClass();

        /**
         * Logs {@code user} in beside an observer and a speaker (named after {@code n}), lets it {@code leave},
         * and checks that the others are told once.
         */
        private void leaves(String n, String user, Consumer<JsonClient> leave) {
            try (JsonClient observer = server.loggedIn("x.obs" + n); JsonClient speaker = server.loggedIn("x.spk" + n);
                 JsonClient leaver = server.loggedIn(user)) {
                observer.awaitPresence(user, "online");
                leave.accept(leaver);
                assertLeftOnce(user, observer, speaker);
            }
        }

        @Test
        @DisplayName("logout: the reply, then the server closes; the others are told once")
        void logout() {
            leaves("1", "x.logout", leaver -> {
                JsonNode bye = leaver.request(op("logout"));
                assertTrue(bye.path("ok").asBoolean(), bye.toString());
                leaver.awaitClosed();
            });
        }

        @Test
        @DisplayName("/quit on the text protocol: a goodbye line, then the server closes; the others are told once")
        void textQuit() {
            try (JsonClient observer = server.loggedIn("x.obs2"); JsonClient speaker = server.loggedIn("x.spk2");
                 TextClient leaver = server.text().registerAndLogin("x.quit")) {
                observer.awaitPresence("x.quit", "online");
                leaver.send("/quit");
                leaver.awaitContaining("Bye");
                assertTrue(leaver.awaitClosed(), "the server closes after /quit");
                assertLeftOnce("x.quit", observer, speaker);
            }
        }

        @Test
        @DisplayName("the client closes its socket (FIN): the others are told once")
        void socketClosed() {
            leaves("3", "x.fin", JsonClient::close);
        }

        @Test
        @DisplayName("the client's socket is reset (RST): the others are told once")
        void socketReset() {
            leaves("4", "x.rst", JsonClient::reset);
        }

        @Test
        @DisplayName("logout followed at once by a socket reset still tells the others only once")
        void logoutThenReset() {
            leaves("5", "x.both", leaver -> {
                leaver.send(op("logout"));
                leaver.reset();
            });
        }
    }

    @Nested
    @DisplayName("with limits.idleTimeoutSeconds=1")
    class Idle {
        @RegisterExtension
        static final TestServer server = TestServer.perClass(Map.of("limits.idleTimeoutSeconds", 1));

        /** Waits for a frame on {@code waiter}, pinging {@code keepAlive} meanwhile so only the silent ones time out. */
        private JsonNode awaitWhilePinging(JsonClient waiter, Predicate<JsonNode> match, List<JsonClient> keepAlive) {
            JsonNode found = Await.firstNonNull(() -> {
                JsonNode f = waiter.poll(match, Duration.ofMillis(200));
                if (f == null) keepAlive.forEach(c -> c.request(op("ping")));
                return f;
            }, JsonClient.TIMEOUT, Duration.ZERO);
            if (found == null) throw new AssertionError("timed out; got " + waiter.unconsumed());
            return found;
        }

        @Test
        @DisplayName("a silent session gets bye IDLE and is closed; the others are told once")
        void idleTimeout() {
            try (JsonClient observer = server.loggedIn("i.obs"); JsonClient speaker = server.loggedIn("i.spk");
                 JsonClient idle = server.loggedIn("i.idle")) {
                List<JsonClient> alive = List.of(observer, speaker);
                awaitWhilePinging(observer, f -> isPresence(f, "i.idle", "online"), alive);
                awaitWhilePinging(observer, f -> isPresence(f, "i.idle", "offline"), alive);
                JsonNode bye = idle.awaitOp("bye");
                assertEquals("IDLE", bye.path("reason").asText(), bye.toString());
                idle.awaitClosed();
                assertNoSecondOffline("i.idle", observer, speaker);
            }
        }

        @Test
        @DisplayName("a session that pings stays connected across more than two idle timeouts")
        void pingKeepsAlive() {
            try (JsonClient observer = server.loggedIn("i.watch"); JsonClient pinger = server.loggedIn("i.pinger")) {
                long start = System.nanoTime();
                while (System.nanoTime() - start < Duration.ofMillis(2500).toNanos()) {
                    // Each wait doubles as the check that no bye arrived meanwhile.
                    pinger.assertNothingWithin(Duration.ofMillis(300), Replies::isBye, "bye");
                    assertNull(observer.poll(f -> isPresence(f, "i.pinger", "offline"), Duration.ZERO));
                    pinger.request(op("ping"));
                    observer.request(op("ping"));
                }
                JsonNode who = observer.request(op("who"));
                assertTrue(users(who.path("online")).contains("i.pinger"), who.toString());
                pinger.say("still here");
                observer.awaitMessage("still here");
            }
        }

        @Test
        @DisplayName("a person who never logged in is closed too, with a readable goodbye")
        void anonymousIdle() {
            try (TextClient person = server.text()) {
                person.send("");
                person.awaitContaining("/help");
                String bye = person.awaitContaining("(IDLE)");
                assertTrue(bye.startsWith("*"), bye);
                assertTrue(person.awaitClosed());
            }
        }

        @Test
        @DisplayName("a connection that never spoke is closed without a word: it chose no protocol to hear one in")
        void silentIdle() {
            try (TextClient silent = server.text()) {
                assertTrue(silent.awaitClosed());
                assertEquals(List.of(), silent.log());
            }
        }
    }

    @Test
    @DisplayName("server shutdown: every client gets bye SHUTDOWN and is closed; after a restart nobody is left online")
    void serverShutdown() {
        try (TestServer server = TestServer.start()) {
            JsonClient a = server.loggedIn("s.a");
            JsonClient b = server.loggedIn("s.b");
            TextClient t = server.text().registerAndLogin("s.t");
            JsonClient anonymous = server.json();
            anonymous.request(op("ping"));
            a.awaitPresence("s.t", "online");

            server.stop();

            for (JsonClient c : List.of(a, b, anonymous)) {
                JsonNode bye = c.awaitOp("bye");
                assertEquals("SHUTDOWN", bye.path("reason").asText(), bye.toString());
                c.awaitClosed();
                List<JsonNode> log = c.log();
                assertTrue(log.get(log.size() - 1) == bye, "the goodbye is the last frame: " + log);
            }
            String bye = t.awaitContaining("(SHUTDOWN)");
            assertTrue(bye.startsWith("*"), bye);
            assertTrue(t.awaitClosed());

            server.restart();
            try (JsonClient again = server.loggedIn("s.a")) {
                JsonNode who = again.request(op("who"));
                assertEquals(List.of("s.a"), users(who.path("online")), who.toString());
                assertEquals(1, who.path("count").asInt());
            }
        }
    }
}
