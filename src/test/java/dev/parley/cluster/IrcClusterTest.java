package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.JsonClient;
import dev.parley.e2e.TextClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRC across three Parley JVMs and one Redis (issue 15): nothing IRC-specific is node-local, so IRC users on
 * two nodes share a channel, private messages and client-only tags (TAGMSG) with each other and with a JSON user on the third, and a node
 * dying shows as a QUIT to its IRC co-member within the cluster's bound. One test, to keep the cluster's start-up
 * (most of the wall time) paid once.
 */
class IrcClusterTest {
    /** The harness's cluster.nodeTimeoutSeconds (5) + heartbeatSeconds (1), with room for a loaded machine (docs/cluster.md). */
    private static final Duration CONVERGENCE = Duration.ofSeconds(10);
    /**
     * A message said right after a join on another node may be filled from history once the gateway's routing
     * window (3 s) has passed, and replies right after a kill may wait for Hazelcast to re-form.
     */
    private static final Duration ROUTED = Duration.ofSeconds(20);

    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(3);

    @Test
    @DisplayName("IRC users on nodes 0 and 1 and a JSON user on node 2 share #irc and private messages; killing node 1 shows its user's QUIT on node 0")
    void ircAcrossNodes() {
        try (TextClient ann = ircUser(0, "ic.ann"); TextClient bob = ircUser(1, "ic.bob");
             JsonClient carol = cluster.loggedIn(2, "ic.carol")) {
            ann.send("JOIN #irc");
            ann.awaitContaining(":ic.ann!ic.ann@parley JOIN #irc");
            bob.send("JOIN #irc");
            await(bob, " 366 ic.bob #irc ");
            await(ann, ":ic.bob!ic.bob@parley JOIN #irc");
            assertTrue(carol.request(op("join", "room", "#irc")).path("ok").asBoolean());
            await(ann, ":ic.carol!ic.carol@parley JOIN #irc");
            await(bob, ":ic.carol!ic.carol@parley JOIN #irc");

            ann.send("PRIVMSG #irc :from node 0");
            await(bob, ":ic.ann!ic.ann@parley PRIVMSG #irc :from node 0");
            assertEquals("ic.ann", carol.await(f -> f.path("text").asText().equals("from node 0"), "ann's line", ROUTED)
                    .path("from").asText());
            bob.send("PRIVMSG #irc :from node 1");
            await(ann, ":ic.bob!ic.bob@parley PRIVMSG #irc :from node 1");
            carol.request(op("say", "room", "#irc", "text", "from node 2"));
            await(ann, ":ic.carol!ic.carol@parley PRIVMSG #irc :from node 2");
            await(bob, ":ic.carol!ic.carol@parley PRIVMSG #irc :from node 2");

            ann.send("PRIVMSG ic.bob :private to node 1");
            await(bob, ":ic.ann!ic.ann@parley PRIVMSG ic.bob :private to node 1");
            bob.send("PRIVMSG ic.ann :private to node 0");
            await(ann, ":ic.bob!ic.bob@parley PRIVMSG ic.ann :private to node 0");
            ann.send("PRIVMSG ic.carol :private to json");
            JsonNode got = carol.await(f -> f.path("text").asText().equals("private to json"), "ann's private line", ROUTED);
            assertEquals("private", got.path("kind").asText(), got.toString());
            carol.msg("ic.ann", "private from json");
            await(ann, ":ic.carol!ic.carol@parley PRIVMSG ic.ann :private from json");

            // Client-only tags across nodes: TAGMSG through the room's address and to a user's node, tags on a private
            // PRIVMSG through the mailbox's live delivery.
            ann.send("@+typing=active TAGMSG #irc");
            String typing = await(bob, " TAGMSG #irc");
            assertTrue(typing.startsWith("@msgid=") && typing.endsWith(";+typing=active :ic.ann!ic.ann@parley TAGMSG #irc"), typing);
            bob.send("@+typing=paused TAGMSG ic.ann");
            await(ann, ";+typing=paused :ic.bob!ic.bob@parley TAGMSG ic.ann");
            bob.send("@+draft/reply=m-1 PRIVMSG ic.ann :a reply across nodes");
            await(ann, ";+draft/reply=m-1 :ic.bob!ic.bob@parley PRIVMSG ic.ann :a reply across nodes");

            long killed = System.nanoTime();
            cluster.kill(1);
            String quit = ann.poll(l -> l.startsWith(":ic.bob!ic.bob@parley QUIT "), CONVERGENCE);
            long quitMs = (System.nanoTime() - killed) / 1_000_000;
            assertNotNull(quit, "bob's QUIT within " + CONVERGENCE.toSeconds() + " s of kill -9 of node 1: " + ann.log());
            assertEquals(":ic.bob!ic.bob@parley QUIT :Server node lost", quit, "a QUIT saying why (not a logout)");
            System.out.println("irc cluster: QUIT of a user on a killed node after " + quitMs + " ms");
            carol.awaitPresence("ic.bob", "offline", CONVERGENCE);
            // The survivors still talk in the channel.
            carol.request(op("say", "room", "#irc", "text", "after the kill"));
            await(ann, ":ic.carol!ic.carol@parley PRIVMSG #irc :after the kill");
        }
    }

    /** An IRC client on {@code node}'s chat port (detected from its first line) with message-tags, logged in with PASS. */
    private static TextClient ircUser(int node, String user) {
        try (JsonClient registrar = JsonClient.connect(cluster.port(node))) {
            assertTrue(registrar.register(user, "123456").path("ok").asBoolean(), "registered " + user);
        }
        TextClient c = TextClient.connect(cluster.port(node));
        c.send("CAP LS 302");
        c.send("CAP REQ :message-tags");
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :" + user);
        c.send("CAP END");
        await(c, " 900 " + user + " ");
        return c;
    }

    private static String await(TextClient c, String fragment) {
        String line = c.poll(l -> l.contains(fragment), ROUTED);
        assertNotNull(line, "no line with '" + fragment + "' within " + ROUTED.toSeconds() + " s: " + c.log());
        return line;
    }
}
