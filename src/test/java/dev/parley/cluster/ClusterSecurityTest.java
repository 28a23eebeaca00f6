package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.store.RedisServer;
import dev.parley.testkit.TestCerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 2-node cluster with mutual TLS on its event bus, and a rogue JVM that can reach every port (the same
 * machine) but has no certificate of the cluster CA. The rogue must not get a message to any user,
 * nor receive anything. With -Dparley.test.insecureCluster=true the nodes run cluster.insecure (the
 * behaviour before TLS) and this test fails: the rogue's forgeries reach the users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterSecurityTest {
    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(2, !Boolean.getBoolean("parley.test.insecureCluster"), Map.of());
    static JsonClient alice;
    static JsonClient bob;

    @BeforeAll
    static void logIn() {
        alice = cluster.loggedIn(0, "alice");
        bob = cluster.loggedIn(1, "bob");
        alice.awaitPresence("bob", "online");
    }

    @AfterAll
    static void logOut() {
        if (alice != null) alice.close();
        if (bob != null) bob.close();
    }

    @Test
    @Order(1)
    @DisplayName("a JVM with the wrong cluster name does not join: it stays alone, the nodes stay two")
    void wrongClusterNameDoesNotJoin() throws Exception {
        try (RogueProcess rogue = RogueProcess.start("wrong-name", cluster.clusterName() + "-guess", cluster.members(),
                Integer.toString(RedisServer.freePort()))) {
            assertEquals("MEMBERS 1", rogue.await("MEMBERS", 120));
        }
        for (int i = 0; i < 2; i++) {
            String ready = Http.get(cluster.opsPort(i), "/health/ready").body();
            assertTrue(ready.contains("UP: 2 members"), "node " + i + ": " + ready);
        }
    }

    @Test
    @Order(2)
    @DisplayName("a rogue with the right cluster name but no certificate can neither deliver to users nor receive bus traffic")
    void rogueWithoutCertificate() throws Exception {
        attack("no-cert");
    }

    @Test
    @Order(3)
    @DisplayName("a rogue with a certificate of its own CA (bin/parley-certs run by the attacker) gets no further")
    void rogueWithForeignCertificate() throws Exception {
        TestCerts own = TestCerts.create();
        attack("foreign-ca", own.cert().toString(), own.key().toString(), own.ca().toString());
    }

    /** The rogue joins Hazelcast, listens on the delivery addresses and forges; users then chat normally. */
    private void attack(String tag, String... certs) throws Exception {
        String[] args = new String[4 + certs.length];
        args[0] = "forge";
        args[1] = cluster.clusterName();
        args[2] = cluster.members();
        args[3] = Integer.toString(RedisServer.freePort());
        System.arraycopy(certs, 0, args, 4, certs.length);
        try (RogueProcess rogue = RogueProcess.start(args)) {
            assertEquals("MEMBERS 3", rogue.await("MEMBERS", 120),
                    "Hazelcast OSS lets a JVM that knows the name join: the bus TLS is what must hold");
            rogue.await("FORGED", 120);
            rogue.await("LISTENING", 60);
            // Legitimate traffic while the rogue is a member and listens: group messages are published to
            // every subscriber, the rogue's included.
            alice.say("legit from alice " + tag);
            assertEquals("alice", bob.awaitMessage("legit from alice " + tag).path("from").asText());
            bob.say("legit from bob " + tag);
            assertEquals("bob", alice.awaitMessage("legit from bob " + tag).path("from").asText());
            // A private message is sent to one subscriber of alice's node address; if that is the rogue's fake
            // subscription, the TLS handshake fails and the message waits in the mailbox (the documented
            // disruption), it never reaches the rogue.
            if (!bob.msg("alice", "private from bob " + tag).path("stored").asBoolean()) {
                alice.awaitMessage("private from bob " + tag);
            }
            // Anything the rogue achieved would show by now; give a late delivery a bounded chance to surface.
            JsonNode late = alice.poll(ClusterSecurityTest::forged, Duration.ofSeconds(3));
            assertEquals(null, late, "alice received a forgery");
            assertNoForgery(alice, "alice");
            assertNoForgery(bob, "bob");
            List<String> facts = rogue.facts();
            assertTrue(facts.stream().noneMatch(f -> f.startsWith("RECEIVED")), "the rogue received bus traffic: " + facts);
            assertTrue(facts.stream().noneMatch(f -> f.startsWith("PING-OK") || f.startsWith("PRIVATE-OK")),
                    "a node answered the rogue: " + facts);
        }
    }

    private static boolean forged(JsonNode f) {
        return RogueNode.FORGED_TEXT.equals(f.path("text").asText()) || RogueNode.FORGED_USER.equals(f.path("user").asText());
    }

    private static void assertNoForgery(JsonClient c, String who) {
        List<JsonNode> seen = c.log().stream().filter(ClusterSecurityTest::forged).toList();
        assertTrue(seen.isEmpty(), who + " received forged frames: " + seen);
    }
}
