package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.e2e.IrcCapabilitiesTest.body;
import static dev.parley.e2e.IrcCapabilitiesTest.tag;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRCv3 TAGMSG and client-only tags over real sockets (issue 15): relayed live to IRC readers with message-tags, in
 * channels and in private, never to IRC readers without it nor to JSON or text readers; members only; echo-message;
 * the 4,094-byte bound.
 */
class IrcTagMsgTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static TextClient irc(String user, String caps) {
        server.register(user);
        TextClient c = server.text();
        c.send("CAP LS 302");
        if (caps != null) c.send("CAP REQ :" + caps);
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :" + user);
        if (caps != null) c.awaitContaining("ACK :" + caps);
        c.send("CAP END");
        c.await(l -> l.startsWith(":parley 376 ") || l.startsWith(":parley 422 "), "end of MOTD");
        return c;
    }

    static void join(TextClient c, String channel) {
        c.send("JOIN " + channel);
        c.await(l -> l.contains(" 366 ") && l.toLowerCase().contains(channel.toLowerCase()), "end of NAMES of " + channel);
    }

    /**
     * {@code c} got {@code marker} (sent after the TAGMSG was delivered elsewhere) and, then and after a quiet
     * spell, no line containing {@code fragment}.
     */
    static void neverGot(TextClient c, String marker, String fragment) {
        c.awaitContaining(marker);
        assertNull(c.poll(l -> l.contains(fragment), IrcCapabilitiesTest.QUIET), "unexpected " + fragment + ": " + c.log());
        assertTrue(c.log().stream().noneMatch(l -> l.contains(fragment)), c.log().toString());
    }

    @Test
    @DisplayName("TAGMSG to a channel reaches members with message-tags (tags, prefix, msgid) and is echoed; not IRC members without it, JSON or text members")
    void channel() {
        try (TextClient ann = irc("t1.ann", "message-tags echo-message server-time account-tag");
             TextClient cat = irc("t1.cat", "message-tags");
             TextClient dan = irc("t1.dan", null);
             JsonClient bob = server.loggedIn("t1.bob");
             TextClient tom = server.text().registerAndLogin("t1.tom")) {
            join(ann, "#T1");
            join(cat, "#t1");
            join(dan, "#t1");
            bob.request(op("join", "room", "#t1"));
            tom.send("/join #t1");
            tom.awaitContaining("you joined #T1");
            ann.send("@+typing=active;+draft/reply=abc\\sdef;label=x TAGMSG #t1");
            String got = cat.awaitContaining(" TAGMSG ");
            assertEquals(":t1.ann!t1.ann@parley TAGMSG #T1", body(got), got);
            assertEquals("active", tag(got, "+typing"));
            assertEquals("abc\\sdef", tag(got, "+draft/reply"), "the value relayed as sent (escaped on the wire): " + got);
            assertNull(tag(got, "label"), "a server tag sent by the client is not relayed: " + got);
            assertNull(tag(got, "time"), "no server-time for a reader without it: " + got);
            String msgid = tag(got, "msgid");
            assertTrue(msgid != null && !msgid.isEmpty(), got);
            String echo = ann.awaitContaining(" TAGMSG ");
            assertEquals(":t1.ann!t1.ann@parley TAGMSG #T1", body(echo), echo);
            assertEquals(msgid, tag(echo, "msgid"), "the echo carries the id readers got: " + echo);
            assertEquals("t1.ann", tag(echo, "account"));
            assertTrue(tag(echo, "time").startsWith("20"), echo);
            assertEquals("active", tag(echo, "+typing"));
            ann.send("PRIVMSG #t1 :after the tags");
            neverGot(dan, "PRIVMSG #T1 :after the tags", "TAGMSG");
            JsonNode marker = bob.await(m -> "after the tags".equals(m.path("text").asText()), "the marker");
            assertEquals(List.of(), bob.framesBefore(marker).stream()
                    .filter(f -> f.toString().contains("typing") || f.toString().contains("t1.ann") && !f.has("rid")).toList(),
                    "nothing of the TAGMSG for a JSON reader");
            neverGot(tom, "after the tags", "active");
        }
    }

    @Test
    @DisplayName("TAGMSG from a non-member is 404 and reaches nobody; an unknown channel is 403; no recipient is 411")
    void nonMember() {
        try (TextClient ann = irc("t2.ann", "message-tags");
             TextClient eve = irc("t2.eve", "message-tags echo-message")) {
            join(ann, "#t2");
            eve.send("@+typing=active TAGMSG #t2");
            assertEquals(":parley 404 t2.eve #t2 :Cannot send to channel", body(eve.awaitContaining(" 404 ")).replaceAll(" :.*", " :Cannot send to channel"));
            eve.send("@+typing=active TAGMSG #t2-none");
            eve.awaitContaining(" 403 t2.eve #t2-none ");
            eve.send("TAGMSG");
            eve.awaitContaining(" 411 t2.eve ");
            eve.send("PRIVMSG t2.ann :marker");
            neverGot(ann, "PRIVMSG t2.ann :marker", "TAGMSG");
            assertTrue(eve.log().stream().noneMatch(l -> l.contains(" TAGMSG ")), "a refused TAGMSG is not echoed: " + eve.log());
        }
    }

    @Test
    @DisplayName("TAGMSG to a nick reaches it with message-tags, not without; a JSON user gets nothing; an offline or unknown nick is 401")
    void privately() {
        server.register("t3.off");
        try (TextClient ann = irc("t3.ann", "message-tags echo-message");
             TextClient cat = irc("t3.cat", "message-tags");
             TextClient dan = irc("t3.dan", null);
             JsonClient bob = server.loggedIn("t3.bob")) {
            ann.send("@+typing=paused TAGMSG t3.cat,t3.dan,t3.bob");
            String got = cat.awaitContaining(" TAGMSG ");
            assertEquals(":t3.ann!t3.ann@parley TAGMSG t3.cat", body(got));
            assertEquals("paused", tag(got, "+typing"));
            String echo = ann.awaitContaining(" TAGMSG t3.cat");
            assertEquals(tag(got, "msgid"), tag(echo, "msgid"));
            ann.send("PRIVMSG t3.dan :marker");
            ann.send("PRIVMSG t3.bob :marker");
            neverGot(dan, "PRIVMSG t3.dan :marker", "TAGMSG");
            JsonNode marker = bob.await(m -> "marker".equals(m.path("text").asText()), "the marker");
            assertEquals(List.of(), bob.framesBefore(marker).stream().filter(f -> f.toString().contains("typing")).toList());
            assertNull(bob.poll(f -> f.toString().contains("typing"), IrcCapabilitiesTest.QUIET));
            ann.send("@+typing=active TAGMSG t3.off");
            ann.awaitContaining(" 401 t3.ann t3.off ");
            ann.send("@+typing=active TAGMSG nobody.t3");
            ann.awaitContaining(" 401 t3.ann nobody.t3 ");
        }
    }

    @Test
    @DisplayName("PRIVMSG with +draft/reply: the tag reaches message-tags readers in a channel and in private, and the echo; not others; history keeps no tags")
    void privmsgTags() {
        try (TextClient ann = irc("t4.ann", "message-tags echo-message batch draft/chathistory");
             TextClient cat = irc("t4.cat", "message-tags");
             TextClient dan = irc("t4.dan", null);
             JsonClient bob = server.loggedIn("t4.bob")) {
            join(ann, "#t4");
            join(cat, "#t4");
            join(dan, "#t4");
            bob.request(op("join", "room", "#t4"));
            ann.send("@+draft/reply=m-1;+draft/react=x PRIVMSG #t4 :a reply");
            String got = cat.awaitContaining("PRIVMSG #t4 :a reply");
            assertEquals("m-1", tag(got, "+draft/reply"), got);
            assertEquals("x", tag(got, "+draft/react"), got);
            String echo = ann.awaitContaining("PRIVMSG #t4 :a reply");
            assertEquals("m-1", tag(echo, "+draft/reply"), echo);
            assertEquals(tag(got, "msgid"), tag(echo, "msgid"));
            assertEquals(":t4.ann!t4.ann@parley PRIVMSG #t4 :a reply", dan.awaitContaining("PRIVMSG #t4 :a reply"),
                    "no tags at all for a reader without message-tags");
            JsonNode json = bob.await(m -> "a reply".equals(m.path("text").asText()), "the reply");
            assertFalse(json.has("tags"), json.toString());
            ann.send("@+draft/reply=m-2 PRIVMSG t4.cat :private reply");
            assertEquals("m-2", tag(cat.awaitContaining("PRIVMSG t4.cat :private reply"), "+draft/reply"));
            ann.send("CHATHISTORY LATEST #t4 * 5");
            String replayed = ann.await(l -> l.contains("PRIVMSG #t4 :a reply") && tag(l, "batch") != null, "the replayed message");
            assertNull(tag(replayed, "+draft/reply"), "history keeps no client tags: " + replayed);
        }
    }

    @Test
    @DisplayName("client tags of exactly 4,094 bytes are relayed; one byte more is 417 and reaches nobody")
    void tagBound() {
        try (TextClient ann = irc("t5.ann", "message-tags");
             TextClient cat = irc("t5.cat", "message-tags")) {
            join(ann, "#t5");
            join(cat, "#t5");
            String fits = "v".repeat(4094 - "+big=".length());
            ann.send("@+big=" + fits + " TAGMSG #t5");
            assertEquals(fits, tag(cat.awaitContaining(" TAGMSG #t5"), "+big"));
            ann.send("@+big=" + fits + "w TAGMSG #t5");
            ann.awaitContaining(" 417 t5.ann ");
            ann.send("PRIVMSG #t5 :marker");
            cat.awaitContaining("PRIVMSG #t5 :marker");
            assertEquals(1, cat.log().stream().filter(l -> l.contains(" TAGMSG ")).count(), cat.log().toString());
            assertTrue(cat.log().stream().noneMatch(l -> l.contains(fits + "w")));
        }
    }

    @Test
    @DisplayName("the JSON tagmsg request: relayed to an IRC reader with message-tags; bad names and oversized tags refused")
    void jsonSender() {
        try (TextClient cat = irc("t6.cat", "message-tags");
             JsonClient bob = server.loggedIn("t6.bob")) {
            join(cat, "#t6");
            bob.request(op("join", "room", "#t6"));
            var req = op("tagmsg", "room", "#t6");
            req.putObject("tags").put("+typing", "active");
            JsonNode ok = bob.request(req);
            assertTrue(ok.path("ok").asBoolean(), ok.toString());
            String got = cat.awaitContaining(" TAGMSG #t6");
            assertEquals(ok.path("id").asText(), tag(got, "msgid"));
            assertEquals("active", tag(got, "+typing"));
            var bad = op("tagmsg", "to", "t6.cat");
            bad.putObject("tags").put("typing", "no plus");
            assertEquals("BAD_REQUEST", bob.request(bad).path("error").path("code").asText());
            var big = op("tagmsg", "to", "t6.cat");
            big.putObject("tags").put("+big", "v".repeat(4100));
            assertEquals("TEXT_TOO_LONG", bob.request(big).path("error").path("code").asText());
            var none = op("tagmsg");
            none.putObject("tags").put("+typing", "active");
            assertEquals("BAD_REQUEST", bob.request(none).path("error").path("code").asText());
        }
    }
}
