package dev.parley.cluster;

import dev.parley.e2e.JsonClient;
import dev.parley.e2e.TextClient;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRC channel events across two Parley JVMs and one Redis (issue 15): a co-member coming online on node 1 is a JOIN
 * for an IRC client on node 0, going offline a QUIT; an IRC operator's MODE changes on node 0 reach an IRC member on
 * node 1, and MODE #channel there shows them (the room's modes live in Redis). Black-box, over real sockets.
 */
class IrcChannelEventsClusterTest {
    /** How long a room may take to be routed to a node that just subscribed (as in RoomsClusterTest). */
    private static final Duration ROUTING = Duration.ofSeconds(20);

    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(2);

    /** Registers {@code user} and logs in over IRC (PASS) on {@code node}. */
    private static TextClient irc(int node, String user) {
        cluster.loggedIn(node, user).close();
        TextClient c = TextClient.connect(cluster.port(node));
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :" + user);
        c.await(l -> l.startsWith(":parley 001 "), "001");
        c.await(l -> l.startsWith(":parley 900 "), "900");
        return c;
    }

    private static void join(TextClient c, String nick, String channel) {
        c.send("JOIN " + channel);
        c.await(l -> l.contains(" 366 " + nick + " " + channel + " "), "end of NAMES of " + channel);
    }

    /** Says probes in {@code channel} until one reaches {@code listener}: the room's events are routed between the nodes. */
    private static void awaitRouting(TextClient speaker, String channel, TextClient listener) {
        int[] probes = {0};
        Await.until(() -> {
            String probe = "routing probe " + (++probes[0]);
            speaker.send("PRIVMSG " + channel + " :" + probe);
            return listener.poll(l -> l.endsWith(":" + probe), Duration.ofMillis(500)) != null;
        }, ROUTING, Duration.ZERO, channel + " routed");
    }

    private static long count(TextClient c, String fragment) {
        return c.log().stream().filter(l -> l.contains(fragment)).count();
    }

    @Test
    @DisplayName("a member back online on node 1 is a JOIN for IRC on node 0, then a QUIT; MODE changes on node 0 reach IRC on node 1")
    void acrossNodes() {
        try (TextClient ann = irc(0, "ce.ann"); TextClient bob = irc(1, "ce.bob")) {
            join(ann, "ce.ann", "#ce");
            join(bob, "ce.bob", "#ce");
            awaitRouting(ann, "#ce", bob);
            awaitRouting(bob, "#ce", ann);

            try (JsonClient carol = cluster.loggedIn(1, "ce.carol")) {
                assertTrue(carol.request(op("join", "room", "#ce")).path("ok").asBoolean());
                ann.awaitContaining(":ce.carol!ce.carol@parley JOIN #ce");
            }
            ann.awaitContaining(":ce.carol!ce.carol@parley QUIT :Quit: offline");
            try (JsonClient carol = JsonClient.connect(cluster.port(1))) {
                carol.login("ce.carol", "123456");
                Await.until(() -> count(ann, ":ce.carol!ce.carol@parley JOIN #ce") == 2, ROUTING, "carol's return shown as a JOIN");
            }
            Await.until(() -> count(ann, ":ce.carol!ce.carol@parley QUIT") == 2, ROUTING, "carol's second QUIT");

            ann.send("MODE #ce +o ce.bob");
            bob.awaitContaining(":ce.ann!ce.ann@parley MODE #ce +o ce.bob");
            ann.send("MODE #ce +i");
            bob.awaitContaining(":ce.ann!ce.ann@parley MODE #ce +i");
            bob.send("MODE #ce");
            String modes = bob.await(l -> l.startsWith(":parley 324 "), "324");
            assertEquals(":parley 324 ce.bob #ce +int", modes);
            bob.send("MODE #ce -o ce.bob");
            ann.awaitContaining(":ce.bob!ce.bob@parley MODE #ce -o ce.bob");
        }
    }
}
