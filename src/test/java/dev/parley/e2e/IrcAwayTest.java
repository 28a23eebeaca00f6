package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWAY as part of presence (issue 15), over real sockets: one status per user for every protocol, away-notify riding
 * the presence fan-out, 301 on PRIVMSG and WHOIS, WHO's H/G, and the JSON and text away requests and events.
 */
class IrcAwayTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Registers {@code user}, logs in with PASS, with these capabilities enabled (none: no CAP at all). */
    static TextClient irc(String user, String caps) {
        return IrcTest.loggedIn(server, user, "Real " + user, caps);
    }

    /** Joins and waits for that channel's end of NAMES (the login's #lobby sends one too). */
    static void joined(TextClient c, String channel) {
        c.send("JOIN " + channel);
        c.await(l -> l.startsWith(":parley 366 ") && l.contains(" " + channel + " "), "366 of " + channel);
    }

    @Test
    @DisplayName("AWAY is seen by co-members with away-notify (IRC) and as presence away/back (JSON); 301 on PRIVMSG and WHOIS; WHO shows G")
    void awayAcrossProtocols() {
        try (TextClient ann = irc("aw1.ann", "away-notify"); TextClient carl = irc("aw1.carl", "");
             TextClient bob = irc("aw1.bob", ""); JsonClient dora = server.loggedIn("aw1.dora")) {
            for (TextClient c : List.of(ann, carl, bob)) joined(c, "#aw1");
            dora.request(op("join", "room", "#aw1"));

            bob.send("AWAY :gone fishing");
            IrcTest.numeric(bob, "306");
            assertEquals(":aw1.bob!aw1.bob@parley AWAY :gone fishing", awayLine(ann));
            JsonNode away = dora.awaitPresence("aw1.bob", "away");
            assertEquals("gone fishing", away.path("text").asText(), away.toString());

            ann.send("PRIVMSG aw1.bob :are you there?");
            assertEquals(":parley 301 aw1.ann aw1.bob :gone fishing", IrcTest.numeric(ann, "301"));
            IrcTest.line(bob, "PRIVMSG aw1.bob :are you there?");
            ann.send("WHOIS aw1.bob");
            IrcTest.numeric(ann, "311");
            assertEquals(":parley 301 aw1.ann aw1.bob :gone fishing", IrcTest.numeric(ann, "301"));
            IrcTest.numeric(ann, "318");
            ann.send("WHO #aw1");
            assertEquals(":parley 352 aw1.ann #aw1 aw1.bob parley parley aw1.bob G :0 aw1.bob", who(ann, "aw1.bob"));
            assertEquals(":parley 352 aw1.ann #aw1 aw1.ann parley parley aw1.ann H@ :0 aw1.ann", who(ann, "aw1.ann"));
            IrcTest.numeric(ann, "315");
            ann.send("WHO aw1.bob");
            assertEquals(":parley 352 aw1.ann * aw1.bob parley parley aw1.bob G :0 aw1.bob", who(ann, "aw1.bob"));
            ann.send("USERHOST aw1.bob aw1.ann");
            String userhost = IrcTest.numeric(ann, "302");
            assertTrue(userhost.contains("aw1.bob=-") && userhost.contains("aw1.ann=+"), userhost);

            JsonNode whois = dora.request(op("whois", "user", "aw1.bob"));
            assertEquals("gone fishing", whois.path("away").asText(), whois.toString());
            assertTrue(whois.path("online").asBoolean());
            JsonNode members = dora.request(op("members", "room", "#aw1"));
            assertEquals("gone fishing", awayOf(members.path("members"), "aw1.bob"), members.toString());
            assertEquals("", awayOf(members.path("members"), "aw1.ann"));
            assertEquals("gone fishing", awayOf(dora.request(op("who")).path("online"), "aw1.bob"));

            bob.send("AWAY :gone fishing");
            IrcTest.numeric(bob, "306");
            bob.send("AWAY");
            IrcTest.numeric(bob, "305");
            String back = awayLine(ann);
            assertEquals(":aw1.bob!aw1.bob@parley AWAY", back, "back, and the repeated AWAY with the same text was not news");
            JsonNode dBack = dora.awaitPresence("aw1.bob", "back");
            assertFalse(dBack.has("text"), dBack.toString());
            assertEquals("", awayOf(dora.request(op("who")).path("online"), "aw1.bob"));
            ann.send("WHO aw1.bob");
            assertEquals(":parley 352 aw1.ann * aw1.bob parley parley aw1.bob H :0 aw1.bob", who(ann, "aw1.bob"));

            // Without away-notify nothing is shown: carl sees bob's QUIT, which travels the same way, and no AWAY before it.
            bob.close();
            String quit = IrcTest.line(carl, ":aw1.bob!aw1.bob@parley QUIT");
            assertTrue(carl.linesBefore(quit).stream().noneMatch(IrcAwayTest::isAway), carl.log().toString());
            String annQuit = IrcTest.line(ann, ":aw1.bob!aw1.bob@parley QUIT");
            assertEquals(List.of(":aw1.bob!aw1.bob@parley AWAY :gone fishing", ":aw1.bob!aw1.bob@parley AWAY"),
                    ann.linesBefore(annQuit).stream().filter(IrcAwayTest::isAway).toList(), "a repeated AWAY is not news");
        }
    }

    @Test
    @DisplayName("JSON away {text} and text /away: co-members hear it (IRC away-notify too); too long or not text is refused; it ends with the session")
    void jsonAndTextAway() {
        try (TextClient ann = irc("aw2.ann", "away-notify account-tag"); JsonClient eve = server.loggedIn("aw2.eve");
             JsonClient dora = server.loggedIn("aw2.dora")) {
            joined(ann, "#aw2");
            for (JsonClient j : List.of(eve, dora)) j.request(op("join", "room", "#aw2"));

            JsonNode set = dora.request(op("away", "text", "in a meeting"));
            assertTrue(set.path("ok").asBoolean() && set.path("away").asBoolean(), set.toString());
            assertEquals("in a meeting", eve.awaitPresence("aw2.dora", "away").path("text").asText());
            assertEquals("@account=aw2.dora :aw2.dora!aw2.dora@parley AWAY :in a meeting", awayLine(ann));
            ann.send("PRIVMSG aw2.dora :ping");
            assertEquals(":parley 301 aw2.ann aw2.dora :in a meeting", IrcTest.numeric(ann, "301"));

            JsonNode tooLong = dora.request(op("away", "text", "x".repeat(201)));
            assertEquals("TEXT_TOO_LONG", tooLong.path("error").path("code").asText(), tooLong.toString());
            dora.send(JsonClient.op("away").put("text", 5).put("rid", 77));
            JsonNode notText = dora.await(f -> f.path("rid").asInt() == 77, "reply 77");
            assertEquals("BAD_REQUEST", notText.path("error").path("code").asText(), notText.toString());
            JsonNode badUser = dora.request(op("whois", "user", "no such user!"));
            assertEquals("BAD_REQUEST", badUser.path("error").path("code").asText(), badUser.toString());
            JsonNode nobody = dora.request(op("whois", "user", "aw2.nobody"));
            assertFalse(nobody.path("online").asBoolean(), nobody.toString());
            assertEquals("in a meeting", dora.request(op("whois", "user", "aw2.dora")).path("away").asText(), "refusals change nothing");

            // IRC: a long AWAY is cut to AWAYLEN (200), as IRC servers do.
            String longText = "é".repeat(250);
            ann.send("AWAY :" + longText);
            IrcTest.numeric(ann, "306");
            assertEquals("é".repeat(200), eve.awaitPresence("aw2.ann", "away").path("text").asText());

            // The away message goes with the session: logging in again starts here.
            dora.close();
            eve.awaitPresence("aw2.dora", "offline");
            try (JsonClient again = server.json()) {
                again.login("aw2.dora", "123456");
                assertFalse(again.request(op("whois", "user", "aw2.dora")).has("away"));
                assertEquals("", awayOf(again.request(op("who")).path("online"), "aw2.dora"));
            }
        }
        try (TextClient text = server.text().registerAndLogin("aw2.tex"); JsonClient eve = server.loggedIn("aw2.eve2")) {
            text.send("/away back in five");
            text.awaitContaining("* you are away: back in five");
            assertEquals("back in five", eve.awaitPresence("aw2.tex", "away").path("text").asText());
            eve.request(op("away", "text", "busy"));
            text.awaitContaining("aw2.eve2 is away: busy");
            text.send("/whois aw2.eve2");
            text.awaitContaining("* aw2.eve2 is online, away: busy");
            text.send("/who");
            assertTrue(text.awaitContaining("online:").contains("aw2.eve2 [away]"));
            text.send("/away");
            text.awaitContaining("* you are back");
            eve.awaitPresence("aw2.tex", "back");
        }
    }

    /** An AWAY line from a user (not the 005 token AWAYLEN). */
    private static boolean isAway(String line) {
        String untagged = line.startsWith("@") ? line.substring(line.indexOf(' ') + 1) : line;
        String[] words = untagged.split(" ");
        return untagged.startsWith(":") && words.length > 1 && words[1].equals("AWAY");
    }

    private static String awayLine(TextClient c) {
        return c.await(IrcAwayTest::isAway, "an AWAY line");
    }

    /** The next 352 (WHO) line about {@code nick}. */
    private static String who(TextClient c, String nick) {
        return c.await(l -> l.startsWith(":parley 352 ") && l.contains(" " + nick + " parley parley " + nick + " "), "352 of " + nick);
    }

    private static String awayOf(JsonNode users, String user) {
        for (JsonNode u : users) if (user.equals(u.path("user").asText())) return u.path("away").asText("");
        throw new AssertionError(user + " not listed in " + users);
    }
}
