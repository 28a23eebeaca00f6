package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.e2e.TextClient;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.Replies.isPresenceOf;
import static dev.parley.e2e.Replies.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three Parley JVMs, one Redis: a user must not be able to tell which node they are on. Failure
 * tests (kill -9, restart) come last because they change the cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    // DEBUG SLEEP lets a test make Redis unresponsive without losing its data.
    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(3, "--enable-debug-command", "local");

    /**
     * After a pause Hazelcast may split into several small clusters that merge back over some seconds;
     * later tests need the whole cluster again.
     */
    private static void awaitWholeCluster() {
        for (int i = 0; i < 3; i++) {
            int node = i;
            Await.until(() -> Http.get(cluster.opsPort(node), "/health/ready").body().contains("UP: 3 members"),
                    Duration.ofSeconds(60), Duration.ofMillis(200), "the cluster to re-form (node " + node + " sees 3 members)");
        }
    }

    /** {@code user} logged in on one node, watched from another: the watcher has seen them come online. */
    private record Watched(JsonClient watcher, JsonClient user) implements AutoCloseable {
        @Override
        public void close() {
            try (watcher; user) {
                // both closed, the user first
            }
        }
    }

    private static Watched watch(int watcherNode, String watcher, int userNode, String user) {
        JsonClient w = cluster.loggedIn(watcherNode, watcher);
        JsonClient u = null;
        try {
            u = cluster.loggedIn(userNode, user);
            w.awaitPresence(user, "online");
            return new Watched(w, u);
        } catch (RuntimeException | Error e) {
            try (w; JsonClient started = u) {
                throw e;
            }
        }
    }

    private static long messagesWithText(JsonClient c, String text) {
        return c.unconsumed().stream()
                .filter(f -> isMessage(f, text)).count();
    }

    @Test
    @Order(1)
    @DisplayName("a login on one node lists users on the others and is announced to them; who is cluster-wide")
    void presenceAcrossNodes() {
        try (Watched ab = watch(0, "p-a", 1, "p-b")) {
            try (JsonClient c = cluster.loggedIn(2, "p-c")) {
                ab.watcher().awaitPresence("p-c", "online");
                ab.user().awaitPresence("p-c", "online");
                JsonNode who = c.request(JsonClient.op("who"));
                assertTrue(users(who.path("online")).containsAll(List.of("p-a", "p-b", "p-c")), who.toString());
                assertTrue(who.path("count").asInt() >= 3);
            }
            ab.watcher().awaitPresence("p-c", "offline");
            ab.user().awaitPresence("p-c", "offline");
        }
    }

    @Test
    @Order(1)
    @DisplayName("an away message set on one node is seen on the others: presence event (JSON), AWAY (IRC away-notify), whois, 301")
    void awayAcrossNodes() {
        try (Watched ab = watch(0, "aw-a", 1, "aw-b"); TextClient irc = TextClient.connect(cluster.port(2))) {
            cluster.loggedIn(2, "aw-i").close();
            irc.send("CAP LS 302");
            irc.send("CAP REQ :away-notify");
            irc.send("PASS aw-i:123456");
            irc.send("NICK aw-i");
            irc.send("USER aw-i 0 * :aw-i");
            irc.awaitContaining("ACK :away-notify");
            irc.send("CAP END");
            irc.await(l -> l.startsWith(":parley 001 "), "001");
            ab.watcher().awaitPresence("aw-i", "online");

            assertTrue(ab.user().request(JsonClient.op("away", "text", "on node 1")).path("ok").asBoolean());
            assertEquals("on node 1", ab.watcher().awaitPresence("aw-b", "away").path("text").asText());
            assertEquals(":aw-b!aw-b@parley AWAY :on node 1", irc.awaitContaining(" AWAY :"));
            irc.send("PRIVMSG aw-b :hello");
            assertEquals(":parley 301 aw-i aw-b :on node 1", irc.await(l -> l.startsWith(":parley 301 "), "301"));
            assertEquals("on node 1", ab.watcher().request(JsonClient.op("whois", "user", "aw-b")).path("away").asText());
        }
    }

    @Test
    @Order(2)
    @DisplayName("a group message reaches every other user on every node exactly once")
    void groupAcrossNodes() {
        try (JsonClient a = cluster.loggedIn(0, "g-a"); JsonClient a2 = cluster.loggedIn(0, "g-a2");
             JsonClient b = cluster.loggedIn(1, "g-b"); JsonClient c = cluster.loggedIn(2, "g-c")) {
            a.awaitPresence("g-c", "online");
            a.say("hello cluster");
            for (JsonClient r : List.of(a2, b, c)) {
                assertEquals("g-a", r.awaitMessage("hello cluster").path("from").asText());
            }
            // The sentinel comes after: anything duplicated would have arrived before it.
            a.say("sentinel");
            for (JsonClient r : List.of(a2, b, c)) {
                r.awaitMessage("sentinel");
                assertEquals(0, messagesWithText(r, "hello cluster"), "no duplicate");
            }
            assertEquals(0, messagesWithText(a, "hello cluster"), "the sender does not get it back");
        }
    }

    @Test
    @Order(3)
    @DisplayName("the per-sender mailbox cap (100) is counted in Redis: 50 via one node + 50 via another fill it, the 101st is refused")
    void mailboxCapIsClusterWide() {
        try (JsonClient reg = JsonClient.connect(cluster.port(2))) {
            reg.registerIfNeeded("q-away", "123456");
        }
        for (int node = 0; node < 2; node++) {
            try (JsonClient sender = cluster.loggedIn(node, "q-sender")) {
                for (int i = 0; i < 50; i++) {
                    JsonNode r = sender.msg("q-away", "n" + node + " #" + i);
                    assertTrue(r.path("stored").asBoolean(), r.toString());
                }
                if (node == 1) {
                    JsonNode refused = sender.msg("q-away", "one too many");
                    assertEquals("MAILBOX_FULL", refused.path("error").path("code").asText(), refused.toString());
                }
            }
        }
        try (JsonClient other = cluster.loggedIn(2, "q-other")) {
            assertTrue(other.msg("q-away", "another sender").path("stored").asBoolean(), "another sender is not locked out");
        }
    }

    @Test
    @Order(3)
    @DisplayName("private messages cross nodes, and mail stored via one node is delivered at login on another")
    void privateAndMailAcrossNodes() {
        try (JsonClient reg = JsonClient.connect(cluster.port(1))) {
            reg.registerIfNeeded("m-away", "123456");
        }
        try (JsonClient a = cluster.loggedIn(0, "m-a"); JsonClient b = cluster.loggedIn(1, "m-b")) {
            JsonNode r = a.msg("m-b", "across");
            assertFalse(r.path("stored").asBoolean(), r.toString());
            assertEquals("private", b.awaitMessage("across").path("kind").asText());
            assertTrue(a.msg("m-away", "for later").path("stored").asBoolean());
        }
        try (JsonClient away = cluster.loggedIn(2, "m-away")) {
            JsonNode m = away.awaitMessage("for later");
            assertTrue(m.path("offline").asBoolean());
            assertEquals("m-a", m.path("from").asText());
        }
    }

    @Test
    @Order(3)
    @DisplayName("30 parallel guesses on one user from one address, spread over the 3 nodes, share one count: 5 are checked")
    void loginThrottleIsClusterWide() {
        try (JsonClient reg = JsonClient.connect(cluster.port(0))) {
            reg.registerIfNeeded("t-victim", "123456");
        }
        List<JsonClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) clients.add(JsonClient.connect(cluster.port(i % 3)));
            for (int i = 0; i < 30; i++) {
                clients.get(i).send(JsonClient.op("login", "user", "t-victim", "password", "guess-" + i));
            }
            java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
            for (JsonClient c : clients) {
                JsonNode r = c.awaitOp("login");
                outcomes.merge(r.path("ok").asBoolean() ? "OK" : r.path("error").path("code").asText(), 1, Integer::sum);
            }
            System.out.println("cluster-wide guessing outcomes of 30: " + outcomes);
            assertEquals(5, outcomes.getOrDefault("BAD_CREDENTIALS", 0), "one count in Redis, not 5 per node: " + outcomes);
            assertEquals(25, outcomes.getOrDefault("RATE_LIMITED", 0), outcomes.toString());
        } finally {
            clients.forEach(JsonClient::close);
        }
    }

    @Test
    @Order(4)
    @DisplayName("a second login on another node replaces the first, cluster-wide, with no flap for the others")
    void oneSessionPerUserClusterWide() {
        try (Watched w = watch(2, "r-watch", 0, "r-user")) {
            try (JsonClient second = cluster.loggedIn(1, "r-user")) {
                assertEquals("REPLACED", w.user().awaitOp("bye").path("reason").asText());
                w.user().awaitClosed();
                second.say("still here");
                w.watcher().awaitMessage("still here");
                assertFalse(w.watcher().unconsumed().stream().anyMatch(f -> isPresenceOf(f, "r-user")),
                        "no offline/online flap");
                JsonNode who = w.watcher().request(JsonClient.op("who"));
                assertEquals(1, users(who.path("online")).stream().filter("r-user"::equals).count());
            }
        }
    }

    @Test
    @Order(7)
    @DisplayName("a frozen node (SIGSTOP, sockets open): its users go offline within the bound; when it resumes they come back")
    void frozenNodeConvergesAndHeals() throws Exception {
        try (Watched w = watch(0, "f-watch", 1, "f-frozen")) {
            long t0 = System.nanoTime();
            cluster.signal(1, "STOP");
            try {
                w.watcher().awaitPresence("f-frozen", "offline", Duration.ofSeconds(10));
                System.out.println("presence converged " + (System.nanoTime() - t0) / 1_000_000 + " ms after SIGSTOP");
            } finally {
                cluster.signal(1, "CONT");
            }
            // Back from the pause: the node finds its sessions gone from shared presence and re-registers them.
            w.watcher().awaitPresence("f-frozen", "online", Duration.ofSeconds(30));
            awaitWholeCluster();
            // Routing heals a little after membership: say again until one arrives.
            Await.until(() -> {
                w.user().say("thawed");
                return w.watcher().poll(f -> "thawed".equals(f.path("text").asText()), Duration.ofSeconds(2)) != null;
            }, Duration.ofSeconds(30), Duration.ZERO, "a message from the healed node");
        }
    }

    @Test
    @Order(5)
    @DisplayName("kill -9 of a node: its users go offline for everyone within the bound, driven by the survivors")
    void nodeDeathConverges() throws Exception {
        try (Watched w = watch(0, "k-watch", 2, "k-victim")) {
            long t0 = System.nanoTime();
            cluster.kill(2);
            w.watcher().awaitPresence("k-victim", "offline", Duration.ofSeconds(10));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("presence converged " + millis + " ms after kill -9");
            assertTrue(millis <= 10_000);
            JsonNode who = w.watcher().request(JsonClient.op("who"));
            assertFalse(users(who.path("online")).contains("k-victim"), who.toString());
        }
    }

    @Test
    @Order(8)
    @DisplayName("SIGTERM: the node says bye SHUTDOWN, its users leave presence cluster-wide, and it exits in time")
    void gracefulShutdown() throws Exception {
        try (Watched w = watch(0, "t-watch", 1, "t-leaving")) {
            long t0 = System.nanoTime();
            int code = cluster.terminate(1);
            assertTrue(code == 0 || code == 143, "exit code " + code);
            assertTrue((System.nanoTime() - t0) / 1_000_000_000 < 20, "within the grace period");
            assertEquals("SHUTDOWN", w.user().awaitOp("bye").path("reason").asText());
            w.watcher().awaitPresence("t-leaving", "offline");
        }
        cluster.restart(1);
    }

    @Test
    @Order(6)
    @DisplayName("a restarted node rejoins: routing works both ways without restarting the others")
    void restartedNodeRejoins() throws Exception {
        cluster.restart(2);
        try (Watched w = watch(0, "j-old", 2, "j-new")) {
            w.user().say("from the restarted node");
            w.watcher().awaitMessage("from the restarted node");
            w.watcher().say("to the restarted node");
            w.user().awaitMessage("to the restarted node");
            assertFalse(w.watcher().msg("j-new", "direct").path("stored").asBoolean());
            w.user().awaitMessage("direct");
        }
    }

    @Test
    @Order(9)
    @DisplayName("Redis restart: UNAVAILABLE while it is down, the server stays up, presence is repaired after")
    void redisRestart() throws Exception {
        try (Watched ab = watch(0, "x-a", 1, "x-b")) {
            assertEquals(200, Http.get(cluster.opsPort(0), "/health/ready").status(), "ready while all is well");
            assertTrue(ab.user().request(JsonClient.op("away", "text", "weathering the storm")).path("ok").asBoolean());
            cluster.redis.stop();
            JsonNode down = ab.watcher().request(JsonClient.op("who"));
            assertEquals("UNAVAILABLE", down.path("error").path("code").asText(), down.toString());
            Http.Response notReady = Http.get(cluster.opsPort(0), "/health/ready");
            assertEquals(503, notReady.status(), notReady.body());
            assertTrue(notReady.body().contains("\"store\":\"DOWN"), notReady.body());
            assertEquals(200, Http.get(cluster.opsPort(0), "/health/live").status(), "alive all the same");
            cluster.redis.startAgain(); // no persistence in tests: Redis comes back empty
            // Each node re-registers its live sessions; wait until both are listed again.
            List<String> online = Await.latest(() -> users(ab.watcher().request(JsonClient.op("who")).path("online")),
                    users -> users.containsAll(List.of("x-a", "x-b")), Duration.ofSeconds(20), Duration.ofMillis(200));
            assertTrue(online.containsAll(List.of("x-a", "x-b")), "presence repaired: " + online);
            assertEquals("weathering the storm", ab.watcher().request(JsonClient.op("whois", "user", "x-b")).path("away").asText(),
                    "the away message is re-registered with its session");
            assertEquals(200, Http.get(cluster.opsPort(0), "/health/ready").status(), "ready again");
            ab.watcher().say("after the storm");
            ab.user().awaitMessage("after the storm");
        }
    }

    @Test
    @Order(10)
    @DisplayName("a departure lost while Redis was unresponsive is swept from presence once it answers again")
    void lostDepartureIsSwept() throws Exception {
        try (Watched w = watch(0, "s-watch", 1, "s-leaving")) {
            Thread sleeper = new Thread(() -> redisCommand("DEBUG", "SLEEP", "7"), "redis-sleep");
            sleeper.start();
            Thread.sleep(300); // let the DEBUG SLEEP reach Redis before the departure (not a synchronisation on our code)
            w.user().close(); // its LEAVE times out against the sleeping Redis
            sleeper.join();
            w.watcher().awaitPresence("s-leaving", "offline", Duration.ofSeconds(30));
            assertFalse(users(w.watcher().request(JsonClient.op("who")).path("online")).contains("s-leaving"));
        }
    }

    /** One raw RESP command to the test Redis (blocks until Redis answers). */
    private static void redisCommand(String... args) {
        StringBuilder resp = new StringBuilder("*" + args.length + "\r\n");
        for (String a : args) resp.append("$").append(a.length()).append("\r\n").append(a).append("\r\n");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", cluster.redis.port())) {
            s.getOutputStream().write(resp.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.setSoTimeout(30_000);
            int first = s.getInputStream().read();
            if (first != '+') throw new AssertionError("Redis refused " + String.join(" ", args));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
