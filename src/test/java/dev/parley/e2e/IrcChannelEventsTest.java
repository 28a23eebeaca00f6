package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.parley.e2e.IrcTest.QUIET;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRC channel events for co-members (issue 15) over real sockets: a co-member coming online is a JOIN in each shared
 * channel and going offline a QUIT; operators' mode changes reach the other members (IRC, JSON and text); MODE
 * #channel shows the real modes and the ban list. Rooms of more than 3 members hear no comings and goings here.
 */
class IrcChannelEventsTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("rooms.presenceFanoutMax", 3));

    /** Registers {@code user} and logs in over IRC with PASS, with the capabilities given (none: no CAP at all). */
    static TextClient irc(String user, String caps) {
        return IrcTest.loggedIn(server, user, user, caps);
    }

    static String numeric(TextClient c, String code) {
        return IrcTest.numeric(c, code);
    }

    /** Joins and waits for the end of NAMES; returns the NAMES line (353) when there is one. */
    static String join(TextClient c, String nick, String channel) {
        c.send("JOIN " + channel);
        return c.await(l -> l.contains(" 366 " + nick + " " + channel + " "), "end of NAMES of " + channel);
    }

    /** The nicks of the 353 lines of {@code channel}, after a NAMES request. */
    static String names(TextClient c, String nick, String channel) {
        String marker = "names-" + System.nanoTime();
        c.send("PING " + marker + "-from");
        c.awaitContaining("PONG parley " + marker + "-from");
        c.send("NAMES " + channel);
        c.send("PING " + marker + "-to");
        c.awaitContaining("PONG parley " + marker + "-to");
        java.util.List<String> log = c.log();
        int from = log.indexOf(":parley PONG parley " + marker + "-from");
        assertTrue(from >= 0, "marker in " + log);
        StringBuilder all = new StringBuilder();
        for (String l : log.subList(from, log.size())) {
            if (l.contains(" 353 " + nick + " = " + channel + " :")) all.append(' ').append(l.substring(l.lastIndexOf(':') + 1));
        }
        return all.toString();
    }

    /** A JSON user who is a member of {@code rooms}, then logs out. */
    static void memberOffline(String user, String... rooms) {
        try (JsonClient c = server.loggedIn(user)) {
            for (String room : rooms) assertTrue(c.request(op("join", "room", room)).path("ok").asBoolean(), room);
        }
    }

    @Test
    @DisplayName("a co-member coming online is a JOIN in each shared channel (extended-join too), then in NAMES; offline is a QUIT")
    void onlineIsJoin() {
        memberOffline("e1.bob", "#e1a", "#e1b");
        try (TextClient ann = irc("e1.ann", ""); TextClient cy = irc("e1.cy", "extended-join")) {
            join(ann, "e1.ann", "#e1a");
            join(ann, "e1.ann", "#e1b");
            join(ann, "e1.ann", "#e1c");
            join(cy, "e1.cy", "#e1a");
            assertFalse(names(ann, "e1.ann", "#e1a").contains("e1.bob"), "offline members are not listed");

            try (JsonClient bob = server.json()) {
                bob.login("e1.bob", "123456");
                ann.awaitContaining(":e1.bob!e1.bob@parley JOIN #e1a");
                ann.awaitContaining(":e1.bob!e1.bob@parley JOIN #e1b");
                ann.awaitContaining(":e1.bob!e1.bob@parley JOIN #lobby");
                cy.awaitContaining(":e1.bob!e1.bob@parley JOIN #e1a e1.bob e1.bob");
                IrcTest.quiet(ann, "e1.bob@parley JOIN #e1c");
                assertEquals(1, ann.log().stream().filter(l -> l.contains("e1.bob@parley JOIN #e1a")).count(), "once: " + ann.log());
                assertTrue(names(ann, "e1.ann", "#e1a").contains("e1.bob"), "listed once online");
            }
            ann.awaitContaining(":e1.bob!e1.bob@parley QUIT :Quit: offline");
            cy.awaitContaining(":e1.bob!e1.bob@parley QUIT :Quit: offline");
            assertFalse(names(ann, "e1.ann", "#e1a").contains("e1.bob"), "gone from NAMES with the QUIT");
        }
    }

    @Test
    @DisplayName("in a room above rooms.presenceFanoutMax a co-member's arrival shows no JOIN there (but in small shared rooms)")
    void bigRoomsHearNoArrivals() {
        memberOffline("e2.bob", "#e2big", "#e2small");
        memberOffline("e2.c", "#e2big");
        memberOffline("e2.d", "#e2big");
        try (TextClient ann = irc("e2.ann", "")) {
            join(ann, "e2.ann", "#e2big");
            join(ann, "e2.ann", "#e2small");
            try (JsonClient bob = server.json()) {
                bob.login("e2.bob", "123456");
                ann.awaitContaining(":e2.bob!e2.bob@parley JOIN #e2small");
                IrcTest.quiet(ann, "e2.bob@parley JOIN #e2big");
            }
            ann.awaitContaining(":e2.bob!e2.bob@parley QUIT");
        }
    }

    @Test
    @DisplayName("+o/-o, +i/-i, +b/-b reach the other members: IRC MODE lines, a JSON mode event, a readable text line")
    void modeEvents() {
        server.register("e3.dan");
        try (TextClient ann = irc("e3.ann", ""); TextClient bob = irc("e3.bob", "server-time");
             JsonClient carol = server.loggedIn("e3.carol"); TextClient dan = server.text()) {
            dan.send("/login e3.dan 123456");
            dan.awaitContaining("welcome");
            join(ann, "e3.ann", "#e3");
            join(bob, "e3.bob", "#e3");
            assertTrue(carol.request(op("join", "room", "#e3")).path("ok").asBoolean());
            dan.send("/join #e3");
            dan.awaitContaining("you joined #e3");

            ann.send("MODE #e3 +o e3.bob");
            String toBob = bob.awaitContaining("MODE #e3 +o e3.bob");
            assertTrue(toBob.startsWith("@time=") && toBob.endsWith(":e3.ann!e3.ann@parley MODE #e3 +o e3.bob"), toBob);
            JsonNode event = carol.await(f -> "mode".equals(f.path("op").asText()) && !f.has("ok"), "mode event");
            assertEquals("#e3", event.path("room").asText());
            assertEquals("+o", event.path("mode").asText());
            assertEquals("e3.bob", event.path("user").asText());
            assertEquals("e3.ann", event.path("by").asText());
            dan.awaitContaining("* e3.ann made e3.bob an operator of #e3");

            bob.send("MODE #e3 -o e3.bob");
            ann.awaitContaining(":e3.bob!e3.bob@parley MODE #e3 -o e3.bob");
            dan.awaitContaining("* e3.bob took operator away from e3.bob in #e3");

            ann.send("MODE #e3 +i");
            bob.awaitContaining(":e3.ann!e3.ann@parley MODE #e3 +i");
            carol.await(f -> "mode".equals(f.path("op").asText()) && "+i".equals(f.path("mode").asText()), "+i event");
            bob.send("MODE #e3");
            assertTrue(numeric(bob, "324").endsWith(" 324 e3.bob #e3 +int"), bob.log().toString());
            assertTrue(numeric(bob, "329").matches(".* 329 e3.bob #e3 \\d{10}"), bob.log().toString());
            ann.send("MODE #e3 -i");
            dan.awaitContaining("* e3.ann opened #e3 to everyone");
            ann.send("MODE #e3");
            assertTrue(numeric(ann, "324").endsWith(" #e3 +nt"), ann.log().toString());

            ann.send("MODE #e3 +b e3.carol");
            bob.awaitContaining(":e3.ann!e3.ann@parley MODE #e3 +b e3.carol!*@*");
            bob.awaitContaining(":e3.ann!e3.ann@parley KICK #e3 e3.carol");
            carol.await(f -> "mode".equals(f.path("op").asText()) && "+b".equals(f.path("mode").asText()), "+b event");
            carol.await(f -> "kicked".equals(f.path("op").asText()), "kicked");
            ann.send("MODE #e3 b");
            assertTrue(numeric(ann, "367").endsWith(" 367 e3.ann #e3 e3.carol!*@*"), ann.log().toString());
            numeric(ann, "368");
            bob.send("MODE #e3 +b");
            assertTrue(numeric(bob, "368").contains("operators only"), bob.log().toString());
            assertNull(bob.poll(l -> l.contains(" 367 "), QUIET), "a member who is no operator sees no bans");
            ann.send("MODE #e3 -b e3.carol!*@*");
            bob.awaitContaining(":e3.ann!e3.ann@parley MODE #e3 -b e3.carol!*@*");
            assertTrue(carol.request(op("join", "room", "#e3")).path("ok").asBoolean(), "unbanned");

            ann.send("PING done");
            ann.awaitContaining("PONG parley done");
            assertEquals(1, ann.log().stream().filter(l -> l.contains("MODE #e3 +o e3.bob")).count(),
                    "the setter sees its change once: " + ann.log());
            assertEquals(1, ann.log().stream().filter(l -> l.contains("MODE #e3 +b e3.carol")).count(), ann.log().toString());
        }
    }

    @Test
    @DisplayName("-n/-t are 472 (always on); +n/+t change nothing; a non-member's MODE #channel of an invite-only room is 442")
    void fixedModes() {
        try (TextClient ann = irc("e4.ann", ""); TextClient eve = irc("e4.eve", "")) {
            join(ann, "e4.ann", "#e4");
            ann.send("MODE #e4 -t");
            assertTrue(numeric(ann, "472").contains(" t "), ann.log().toString());
            ann.send("MODE #e4 +nt");
            ann.send("MODE #e4 +i");
            ann.awaitContaining("MODE #e4 +i");
            IrcTest.quiet(ann, "MODE #e4 +n");
            eve.send("MODE #e4");
            numeric(eve, "442");
        }
    }
}
