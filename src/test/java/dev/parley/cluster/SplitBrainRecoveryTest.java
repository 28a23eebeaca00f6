package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.testkit.Await;
import io.vertx.spi.cluster.hazelcast.impl.HazelcastRegistrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.isMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: after a node frozen past the death bound merges back (Hazelcast split-brain merge), group
 * messages must reach every user on every node again, the senders' own nodes included. In the chaos run
 * they stopped reaching a whole node for 40 s, until the next membership change: the merging member's clean-up
 * of that node had removed its registrations from the merged cluster's bus registry. A merge here seldom hits
 * that interleaving, so the last case puts the registry in that state itself (docs/reliability.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitBrainRecoveryTest {
    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(3);

    /** cluster.nodeTimeoutSeconds of ClusterHarness: a node silent for longer is declared dead. */
    private static final long DEATH_BOUND_MS = 5_000;
    /** From the merge to group messages flowing everywhere again (the guard checks every second). */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);
    /** How long after a merge delivery is watched: a late clean-up lands once Hazelcast's retries reach the merged cluster. */
    private static final Duration AFTER_MERGE = Duration.ofSeconds(12);
    /** How long a message sent on a healthy cluster may take to reach every user. */
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(5);

    /** Per node: a sender and a listener, so that the sender's own node is checked too. */
    private static final List<JsonClient> senders = new ArrayList<>();
    private static final List<JsonClient> listeners = new ArrayList<>();
    private static final List<JsonClient> everyone = new ArrayList<>();
    private static int round;

    @BeforeAll
    static void logIn() {
        for (int i = 0; i < 3; i++) {
            JsonClient s = cluster.loggedIn(i, "sb-send" + i);
            senders.add(s);
            everyone.add(s);
            JsonClient l = cluster.loggedIn(i, "sb-hear" + i);
            listeners.add(l);
            everyone.add(l);
        }
        for (int i = 0; i < 3; i++) {
            senders.get(i).awaitCatchUp("sb-send" + i);
            listeners.get(i).awaitCatchUp("sb-hear" + i);
        }
    }

    @AfterAll
    static void logOut() {
        everyone.forEach(JsonClient::close);
    }

    @Test
    @Order(1)
    @DisplayName("before any fault, a group message from each node reaches every other user once")
    void baseline() {
        assertEveryoneHearsEveryNode();
    }

    @Test
    @Order(2)
    @DisplayName("a node frozen past the death bound merges back; then a group message from each node reaches every user on every node")
    void afterMerge() throws Exception {
        for (int frozen : new int[] {1, 2}) {
            freezePastTheBound(frozen);
            awaitMerged(frozen);
            long merged = System.nanoTime();
            for (int i = 0; i < 3; i++) awaitDeliveryFrom(i);
            System.out.println("after the merge of node " + frozen + ", group delivery everywhere within "
                    + (System.nanoTime() - merged) / 1_000_000 + " ms");
            // The merged member's clean-up of the members it believed dead can land seconds later (issue 16):
            // delivery must hold, or come back within the bound, for a while after the merge.
            while (System.nanoTime() - merged < AFTER_MERGE.toNanos()) {
                for (int i = 0; i < 3; i++) awaitDeliveryFrom(i);
            }
            assertEveryoneHearsEveryNode();
        }
    }

    @Test
    @Order(3)
    @DisplayName("a node whose registrations the cluster's bus registry lost, as in the chaos run, is heard again within the bound")
    void registrationsLostBehindTheNodesBack() throws Exception {
        String victim = cluster.nodeId(0);
        int removed = 0;
        ClientConfig config = new ClientConfig().setClusterName(cluster.clusterName());
        config.getNetworkConfig().addAddress(cluster.hazelcastAddress(1));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            // What a member's late clean-up of nodes it believed dead (SubsMapHelper.removeAllForNodes) did to node 0.
            MultiMap<String, HazelcastRegistrationInfo> subs = client.getMultiMap("__vertx.subs");
            for (Map.Entry<String, HazelcastRegistrationInfo> e : subs.entrySet()) {
                if (victim.equals(e.getValue().unwrap().nodeId()) && subs.remove(e.getKey(), e.getValue())) removed++;
            }
        } finally {
            client.shutdown();
        }
        assertTrue(removed >= 2, "node 0's registrations removed: " + removed);
        long lost = System.nanoTime();
        for (int i = 0; i < 3; i++) awaitDeliveryFrom(i);
        System.out.println("after " + removed + " registrations of node 0 were removed, group delivery everywhere within "
                + (System.nanoTime() - lost) / 1_000_000 + " ms");
        assertEveryoneHearsEveryNode();
        String metrics = Http.get(cluster.opsPort(0), "/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("parley_bus_reregistrations_total") && !l.endsWith(" 0.0")),
                "node 0 counted its re-registrations");
    }

    /** SIGSTOP until the others declare it dead (its users go offline for them), past the bound, then SIGCONT. */
    private static void freezePastTheBound(int node) throws Exception {
        int other = (node + 1) % 3;
        long t0 = System.nanoTime();
        cluster.signal(node, "STOP");
        try {
            listeners.get(other).awaitPresence("sb-send" + node, "offline", Duration.ofSeconds(30));
            // Past the bound on the frozen node's clock too, so that it also declares the others dead.
            long frozenMs = (System.nanoTime() - t0) / 1_000_000;
            if (frozenMs < DEATH_BOUND_MS + 2_000) Thread.sleep(DEATH_BOUND_MS + 2_000 - frozenMs); // the fault's length
        } finally {
            cluster.signal(node, "CONT");
        }
    }

    /** The resumed node merged into the others' cluster (its log says so) and every node sees 3 members. */
    private static void awaitMerged(int node) {
        Await.until(() -> cluster.output(node).contains("Resetting local member UUID"), Duration.ofSeconds(60),
                Duration.ofMillis(200), "node " + node + " to merge back into the cluster");
        for (int i = 0; i < 3; i++) {
            int n = i;
            Await.until(() -> Http.get(cluster.opsPort(n), "/health/ready").body().contains("UP: 3 members"),
                    Duration.ofSeconds(60), Duration.ofMillis(200), "node " + n + " to see 3 members");
        }
    }

    /**
     * Says from node {@code node} until one message reaches every other user, within {@link #RECOVERY_BOUND}.
     * A message lost while the cluster heals is allowed; a node that never hears again is the bug.
     */
    private static void awaitDeliveryFrom(int node) {
        List<String> missing = Await.latest(() -> {
            String text = "probe from node " + node + " #" + (++round);
            senders.get(node).say(text);
            List<String> without = new ArrayList<>();
            for (JsonClient r : everyone) {
                if (r != senders.get(node) && r.poll(f -> isMessage(f, text), Duration.ofSeconds(1)) == null) {
                    without.add(name(r));
                }
            }
            return without;
        }, List::isEmpty, RECOVERY_BOUND, Duration.ZERO);
        assertTrue(missing.isEmpty(), "a group message from node " + node + " did not reach " + missing + " within "
                + RECOVERY_BOUND.toSeconds() + " s");
    }

    /** One message from each node; every other user gets each exactly once. */
    private static void assertEveryoneHearsEveryNode() {
        int r = ++round;
        for (int i = 0; i < 3; i++) senders.get(i).say("round " + r + " from node " + i);
        for (int i = 0; i < 3; i++) {
            String text = "round " + r + " from node " + i;
            for (JsonClient c : everyone) {
                if (c == senders.get(i)) continue;
                c.await(f -> isMessage(f, text), "'" + text + "' at " + name(c), DELIVERY_BOUND);
            }
        }
        // A sentinel from each node after the round: a duplicate would have arrived before it.
        for (int i = 0; i < 3; i++) senders.get(i).say("sentinel " + r + " from node " + i);
        for (JsonClient c : everyone) {
            for (int i = 0; i < 3; i++) {
                String sentinel = "sentinel " + r + " from node " + i;
                if (c != senders.get(i)) c.await(f -> isMessage(f, sentinel), sentinel + " at " + name(c), DELIVERY_BOUND);
            }
            List<JsonNode> rest = c.unconsumed();
            for (int i = 0; i < 3; i++) {
                String text = "round " + r + " from node " + i;
                assertEquals(0, rest.stream().filter(f -> isMessage(f, text)).count(), "no second copy of '" + text + "' at " + name(c));
            }
        }
    }

    private static String name(JsonClient c) {
        int i = everyone.indexOf(c);
        return (i % 2 == 0 ? "sb-send" : "sb-hear") + i / 2;
    }
}
