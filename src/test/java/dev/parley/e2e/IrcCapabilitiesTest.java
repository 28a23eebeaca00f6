package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRCv3 echo-message, batch + draft/chathistory and labeled-response over real sockets (issue 15): a raw IRC line
 * client on the chat port, with JSON users on the other side.
 */
class IrcCapabilitiesTest {
    static final Duration QUIET = Duration.ofMillis(700);
    @RegisterExtension
    /** History pages of 20 (rooms.listMax caps CHATHISTORY=): reading back over several pages takes few messages. */
    static final TestServer server = TestServer.perClass(java.util.Map.of("rooms.listMax", 20));

    /** Registers {@code user}, requests {@code caps} and logs in with PASS; returns after 001 and the ACK. */
    static TextClient irc(String user, String caps) {
        server.register(user);
        TextClient c = server.text();
        c.send("CAP LS 302");
        c.send("CAP REQ :" + caps);
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :" + user);
        c.awaitContaining("ACK :" + caps);
        c.send("CAP END");
        c.await(l -> l.startsWith(":parley 001 "), "001");
        c.await(l -> l.startsWith(":parley 376 ") || l.startsWith(":parley 422 "), "end of MOTD");
        return c;
    }

    static String line(TextClient c, String fragment) {
        return c.awaitContaining(fragment);
    }

    static void quiet(TextClient c, String fragment) {
        assertNull(c.poll(l -> l.contains(fragment), QUIET), "unexpected line with " + fragment + ": " + c.log());
    }

    /** The tag {@code name}'s value on a line (null when absent). */
    static String tag(String line, String name) {
        if (!line.startsWith("@")) return null;
        for (String t : line.substring(1, line.indexOf(' ')).split(";")) {
            if (t.equals(name)) return "";
            if (t.startsWith(name + "=")) return t.substring(name.length() + 1);
        }
        return null;
    }

    /** Everything after the tags. */
    static String body(String line) {
        return line.startsWith("@") ? line.substring(line.indexOf(' ') + 1) : line;
    }

    /** A whole batch whose start line contains {@code startFragment}: the start, its lines and its end, in order. */
    static List<String> batch(TextClient c, String startFragment) {
        String start = c.await(l -> l.contains(" BATCH +") && l.contains(startFragment), "a batch start with " + startFragment);
        String ref = body(start).split(" ")[2].substring(1);
        String end = c.await(l -> body(l).equals(":parley BATCH -" + ref), "the end of batch " + ref);
        List<String> log = c.log();
        int from = log.indexOf(start);
        List<String> out = new ArrayList<>();
        for (int i = from; i < log.size(); i++) {
            String l = log.get(i);
            if (i == from || l.equals(end) || ref.equals(tag(l, "batch"))) out.add(l);
            if (l.equals(end)) break;
        }
        return out;
    }

    @Test
    @DisplayName("echo-message: own channel PRIVMSG and NOTICE come back with the msgid readers see and the server's time")
    void echoInChannel() {
        try (TextClient ann = irc("c1.ann", "echo-message message-tags server-time");
             JsonClient bob = server.loggedIn("c1.bob")) {
            ann.send("JOIN #c1");
            line(ann, " 366 ");
            bob.request(op("join", "room", "#c1"));
            line(ann, "JOIN #c1");
            ann.send("PRIVMSG #c1 :hello from IRC");
            String echo = line(ann, "PRIVMSG #c1 :hello from IRC");
            assertEquals(":c1.ann!c1.ann@parley PRIVMSG #c1 :hello from IRC", body(echo));
            JsonNode got = bob.await(m -> "hello from IRC".equals(m.path("text").asText()), "ann's message");
            assertEquals(got.path("id").asText(), tag(echo, "msgid"), echo);
            assertTrue(tag(echo, "time").startsWith("20"), echo);
            ann.send("NOTICE #c1 :a notice");
            String notice = line(ann, "NOTICE #c1 :a notice");
            assertEquals(":c1.ann!c1.ann@parley NOTICE #c1 :a notice", body(notice));
            assertEquals(bob.await(m -> "a notice".equals(m.path("text").asText()), "the notice").path("id").asText(),
                    tag(notice, "msgid"));
        }
    }

    @Test
    @DisplayName("echo-message: private messages to an online and to an offline user are echoed; the stored one keeps its id")
    void echoPrivate() {
        server.register("c2.zed");
        try (TextClient ann = irc("c2.ann", "echo-message message-tags");
             JsonClient bob = server.loggedIn("c2.bob")) {
            ann.send("PRIVMSG c2.bob :psst");
            String echo = line(ann, "PRIVMSG c2.bob :psst");
            assertEquals(":c2.ann!c2.ann@parley PRIVMSG c2.bob :psst", body(echo));
            assertEquals(bob.await(m -> "psst".equals(m.path("text").asText()), "the private message").path("id").asText(),
                    tag(echo, "msgid"));
            ann.send("PRIVMSG c2.zed :while you were out");
            String stored = line(ann, "PRIVMSG c2.zed :while you were out");
            assertTrue(tag(stored, "msgid") != null && !tag(stored, "msgid").isEmpty(), stored);
            try (JsonClient zed = server.json()) {
                zed.login("c2.zed", "123456");
                JsonNode delivered = zed.await(m -> "while you were out".equals(m.path("text").asText()), "the stored message");
                assertEquals(delivered.path("id").asText(), tag(stored, "msgid"));
            }
            ann.send("PRIVMSG nobody.c2 :hi");
            line(ann, " 401 c2.ann nobody.c2 ");
            quiet(ann, "PRIVMSG nobody.c2");
        }
    }

    @Test
    @DisplayName("without echo-message nothing is echoed; others still get msgid with message-tags")
    void noEchoWithoutCap() {
        try (TextClient ann = irc("c3.ann", "message-tags"); TextClient cat = irc("c3.cat", "message-tags")) {
            ann.send("JOIN #c3");
            line(ann, " 366 ");
            cat.send("JOIN #c3");
            line(cat, " 366 ");
            line(ann, "JOIN #c3");
            ann.send("PRIVMSG #c3 :no echo");
            String got = line(cat, "PRIVMSG #c3 :no echo");
            assertTrue(tag(got, "msgid") != null, got);
            quiet(ann, "PRIVMSG #c3 :no echo");
        }
    }

    @Test
    @DisplayName("CHATHISTORY LATEST and BEFORE answer in a chathistory batch, oldest first, with time and msgid; 005 says so")
    void chatHistory() {
        try (JsonClient bob = server.loggedIn("c4.bob")) {
            bob.request(op("join", "room", "#c4"));
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 5; i++) ids.add(bob.request(op("say", "room", "#c4", "text", "m" + i)).path("id").asText());
            try (TextClient ann = irc("c4.ann", "batch server-time message-tags draft/chathistory")) {
                String isupport = String.join(" ", ann.log());
                assertTrue(isupport.contains(" CHATHISTORY=20 ") && isupport.contains(" MSGREFTYPES=msgid,timestamp "), isupport);
                ann.send("JOIN #c4");
                line(ann, " 366 ");
                ann.send("CHATHISTORY LATEST #c4 * 3");
                List<String> latest = batch(ann, "chathistory #c4");
                assertEquals(5, latest.size(), latest.toString());
                for (int i = 0; i < 3; i++) {
                    String l = latest.get(i + 1);
                    assertEquals(":c4.bob!c4.bob@parley PRIVMSG #c4 :m" + (i + 3), body(l), l);
                    assertEquals(ids.get(i + 2), tag(l, "msgid"), l);
                    assertTrue(tag(l, "time").startsWith("20"), l);
                }
                ann.send("CHATHISTORY BEFORE #c4 msgid=" + ids.get(2) + " 10");
                List<String> before = batch(ann, "chathistory #c4");
                assertEquals(List.of(ids.get(0), ids.get(1)), before.subList(1, before.size() - 1).stream().map(l -> tag(l, "msgid")).toList());
                ann.send("CHATHISTORY LATEST #c4 msgid=" + ids.get(2) + " 10");
                List<String> after = batch(ann, "chathistory #c4");
                assertEquals(List.of(ids.get(3), ids.get(4)), after.subList(1, after.size() - 1).stream().map(l -> tag(l, "msgid")).toList());
                ann.send("CHATHISTORY BEFORE #c4 msgid=" + ids.get(0) + " 10");
                assertEquals(2, batch(ann, "chathistory #c4").size(), "nothing older: an empty batch");
                ann.send("CHATHISTORY AFTER #c4 msgid=" + ids.get(1) + " 2");
                assertEquals(ids.subList(2, 4), msgids(batch(ann, "chathistory #c4")));
                ann.send("CHATHISTORY AROUND #c4 msgid=" + ids.get(2) + " 3");
                assertEquals(ids.subList(1, 4), msgids(batch(ann, "chathistory #c4")));
                ann.send("CHATHISTORY BETWEEN #c4 msgid=" + ids.get(4) + " msgid=" + ids.get(0) + " 10");
                assertEquals(ids.subList(1, 4), msgids(batch(ann, "chathistory #c4")));
                String third = latest.get(1);
                ann.send("CHATHISTORY AFTER #c4 timestamp=" + tag(third, "time") + " 10");
                List<String> sinceThird = msgids(batch(ann, "chathistory #c4"));
                assertTrue(sinceThird.equals(ids.subList(3, 5)) || ids.subList(2, 5).containsAll(sinceThird),
                        "messages after the third's time (the same millisecond may hold several): " + sinceThird);
                ann.send("CHATHISTORY TARGETS timestamp=2026-01-01T00:00:00Z timestamp=2027-01-01T00:00:00Z 10");
                line(ann, "FAIL CHATHISTORY INVALID_PARAMS TARGETS ");
            }
        }
    }

    /** The msgids of a batch's lines (its start and end left out). */
    static List<String> msgids(List<String> batch) {
        return batch.subList(1, batch.size() - 1).stream().map(l -> tag(l, "msgid")).toList();
    }

    @Test
    @DisplayName("CHATHISTORY reads back page by page for AFTER: a reference 40 messages back (third page) is found")
    void chatHistoryScansBack() {
        try (JsonClient bob = server.loggedIn("c8.bob")) {
            bob.request(op("join", "room", "#c8"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                JsonNode said = bob.request(op("say", "room", "#c8", "text", "n" + i));
                assertTrue(said.path("ok").asBoolean(), said.toString());
                ids.add(said.path("id").asText());
            }
            try (TextClient ann = irc("c8.ann", "batch message-tags")) {
                ann.send("JOIN #c8");
                line(ann, " 366 ");
                ann.send("CHATHISTORY AFTER #c8 msgid=" + ids.get(5) + " 4");
                assertEquals(ids.subList(6, 10), msgids(batch(ann, "chathistory #c8")));
                ann.send("CHATHISTORY LATEST #c8 * 1000");
                assertEquals(ids.subList(25, 45), msgids(batch(ann, "chathistory #c8")), "at most CHATHISTORY=20");
                ann.send("CHATHISTORY BETWEEN #c8 msgid=" + ids.get(2) + " msgid=" + ids.get(44) + " 3");
                assertEquals(ids.subList(3, 6), msgids(batch(ann, "chathistory #c8")));
            }
        }
    }

    @Test
    @DisplayName("CHATHISTORY refusals: FAIL INVALID_TARGET for a room one is not in or that does not exist, INVALID_PARAMS, no batch without the cap")
    void chatHistoryRefusals() {
        try (JsonClient bob = server.loggedIn("c5.bob"); TextClient ann = irc("c5.ann", "server-time")) {
            bob.request(op("join", "room", "#c5secret"));
            bob.request(op("say", "room", "#c5secret", "text", "private"));
            ann.send("CHATHISTORY LATEST #c5secret * 10");
            assertEquals(":parley FAIL CHATHISTORY INVALID_TARGET LATEST #c5secret :No history you may read there",
                    line(ann, "FAIL CHATHISTORY"));
            ann.send("CHATHISTORY LATEST #c5nowhere * 10");
            assertEquals(":parley FAIL CHATHISTORY INVALID_TARGET LATEST #c5nowhere :No history you may read there",
                    line(ann, "FAIL CHATHISTORY"));
            ann.send("CHATHISTORY AFTER #c5secret msgid=x 10");
            assertEquals(":parley FAIL CHATHISTORY INVALID_TARGET AFTER #c5secret :No history you may read there",
                    line(ann, "FAIL CHATHISTORY"));
            ann.send("CHATHISTORY BEFORE #c5secret timestamp=noon 10");
            line(ann, "FAIL CHATHISTORY INVALID_PARAMS BEFORE ");
            quiet(ann, "private");
            ann.send("JOIN #c5open");
            line(ann, " 366 ");
            ann.send("PRIVMSG #c5open :mine");
            ann.send("CHATHISTORY LATEST #c5open * 5");
            String got = line(ann, "PRIVMSG #c5open :mine");
            assertTrue(got.startsWith("@time=20") && tag(got, "batch") == null, "no batch tag without the cap: " + got);
            quiet(ann, "BATCH");
        }
    }

    @Test
    @DisplayName("labeled-response: ACK, one tagged line, a labeled-response batch, a labeled chathistory batch, labeled echo and errors")
    void labeledResponse() {
        try (JsonClient bob = server.loggedIn("c6.bob");
             TextClient ann = irc("c6.ann", "labeled-response batch echo-message draft/chathistory")) {
            ann.send("@label=p1 PING :x");
            assertEquals("@label=p1 :parley PONG parley x", line(ann, "PONG"));
            ann.send("@label=a1 PONG :x");
            assertEquals("@label=a1 :parley ACK", line(ann, " ACK"));
            ann.send("@label=w1 WHOIS c6.bob");
            List<String> whois = batch(ann, "labeled-response");
            assertEquals("w1", tag(whois.get(0), "label"), whois.toString());
            assertTrue(body(whois.get(1)).startsWith(":parley 311 c6.ann c6.bob "), whois.toString());
            assertTrue(body(whois.get(whois.size() - 2)).startsWith(":parley 318 c6.ann c6.bob "), whois.toString());
            assertEquals(1, whois.stream().filter(l -> tag(l, "label") != null).count(), "the label once: " + whois);
            // Pipelined: each line's answer carries its own label, in order.
            ann.send("@label=j1 JOIN #c6");
            ann.send("@label=m1 PRIVMSG #c6 :labeled hello");
            ann.send("@label=e1 PRIVMSG nobody.c6 :hi");
            List<String> join = batch(ann, "labeled-response");
            assertEquals("j1", tag(join.get(0), "label"));
            assertTrue(join.stream().anyMatch(l -> body(l).equals(":c6.ann!c6.ann@parley JOIN #c6")), join.toString());
            assertTrue(join.stream().anyMatch(l -> body(l).startsWith(":parley 366 ")), join.toString());
            String echo = line(ann, "PRIVMSG #c6 :labeled hello");
            assertEquals("m1", tag(echo, "label"), echo);
            String refused = line(ann, " 401 ");
            assertEquals("e1", tag(refused, "label"), refused);
            ann.send("@label=h1 CHATHISTORY LATEST #c6 * 5");
            List<String> history = batch(ann, "chathistory #c6");
            assertEquals("h1", tag(history.get(0), "label"), "the chathistory batch is the labeled answer: " + history);
            assertEquals("labeled hello", body(history.get(1)).substring(body(history.get(1)).indexOf(" :") + 2));
            ann.send("@label=" + "x".repeat(65) + " PING :long");
            assertEquals(":parley PONG parley long", line(ann, "PONG parley long"), "a label over 64 bytes is ignored");
            ann.send("@label=t1;+typing=active TAGMSG #c6");
            assertEquals("@label=t1 :parley ACK", line(ann, " ACK"), "a TAGMSG echoes nothing to a sender without message-tags: ACK");
            ann.send("@label=q1 QUIT :bye");
            assertEquals("@label=q1 ERROR :Closing link: Quit: bye", line(ann, "ERROR"));
            assertTrue(ann.awaitClosed(), "closed after the labeled ERROR");
        }
    }

    @Test
    @DisplayName("a label without the labeled-response capability changes nothing")
    void labelWithoutCap() {
        try (TextClient ann = irc("c7.ann", "batch")) {
            ann.send("@label=p1 PING :x");
            assertEquals(":parley PONG parley x", line(ann, "PONG"));
            ann.send("@label=a1 PONG :x");
            quiet(ann, "ACK");
        }
    }
}
