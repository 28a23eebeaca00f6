package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IRC (issue 15) over real sockets: a raw IRC line client on the chat port (detected from its first line). */
class IrcTest {
    static final Duration QUIET = Duration.ofMillis(700);
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("irc.motd", "hello IRC\nsecond line"));

    /** An IRC client that has sent NICK and USER, unauthenticated. */
    static TextClient connect(String nick) {
        TextClient c = server.text();
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :Real " + nick);
        return c;
    }

    /** Registers {@code user} (password 123456) and logs in with PASS account:password. */
    static TextClient loggedIn(String user) {
        server.register(user);
        TextClient c = server.text();
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :Real " + user);
        numeric(c, "001");
        numeric(c, "900");
        return c;
    }

    /**
     * Registers {@code user} on {@code server} and logs in with PASS, with these capabilities enabled (none: no CAP
     * at all), under the real name given.
     */
    static TextClient loggedIn(TestServer server, String user, String realName, String caps) {
        server.register(user);
        TextClient c = server.text();
        if (!caps.isEmpty()) {
            c.send("CAP LS 302");
            c.send("CAP REQ :" + caps);
        }
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :" + realName);
        if (!caps.isEmpty()) {
            line(c, "ACK :" + caps);
            c.send("CAP END");
        }
        numeric(c, "001");
        numeric(c, "900");
        return c;
    }

    /** The next line with this numeric (":parley NNN ..."). */
    static String numeric(TextClient c, String code) {
        return c.await(l -> l.startsWith(":parley " + code + " "), "numeric " + code);
    }

    static String line(TextClient c, String fragment) {
        return c.awaitContaining(fragment);
    }

    static void quiet(TextClient c, String fragment) {
        assertNull(c.poll(l -> l.contains(fragment), QUIET), "unexpected line with " + fragment + ": " + c.log());
    }

    @Test
    @DisplayName("CAP LS 302, REQ sasl server-time, SASL PLAIN, CAP END: welcomed as the account, 005, MOTD, LUSERS")
    void saslRegistration() {
        server.register("i1.ann");
        try (TextClient c = server.text()) {
            c.send("CAP LS 302");
            String ls = line(c, "CAP * LS");
            assertTrue(ls.contains("sasl=PLAIN") && ls.contains("server-time"), ls);
            // Offered exactly what the gateway wires (a capability added to the protocol layer must be wired to be offered).
            assertEquals("account-tag away-notify batch cap-notify draft/account-registration=before-connect,custom-account-name "
                    + "draft/chathistory echo-message extended-join labeled-response message-tags multi-prefix sasl=PLAIN server-time",
                    ls.substring(ls.indexOf(" :") + 2), "only what works is offered");
            c.send("NICK someone");
            c.send("USER x 0 * :Ann");
            c.send("CAP REQ :sasl server-time");
            line(c, "CAP someone ACK");
            c.send("AUTHENTICATE PLAIN");
            line(c, "AUTHENTICATE +");
            c.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(("\u0000i1.ann\u0000" + "123456").getBytes(StandardCharsets.UTF_8)));
            numeric(c, "900");
            numeric(c, "903");
            quiet(c, " 001 ");
            c.send("CAP END");
            assertTrue(numeric(c, "001").contains(" 001 i1.ann "), "the nick is the account");
            String isupport = numeric(c, "005") + numeric(c, "005");   // two lines: 13 tokens at most per line
            assertTrue(isupport.contains("CHANTYPES=#") && isupport.contains("NICKLEN=32"), isupport);
            numeric(c, "251");
            assertTrue(numeric(c, "372").contains("hello IRC"));
            numeric(c, "376");
            c.send("PING :abc");
            line(c, "PONG parley abc");
            assertEquals(1, c.log().stream().filter(l -> l.startsWith(":parley 900 ")).count(), "900 once: " + c.log());
        }
    }

    @Test
    @DisplayName("a wrong SASL password is 904 and the client stays unauthenticated")
    void saslRefused() {
        server.register("i1b.ann");
        try (TextClient c = server.text()) {
            c.send("CAP LS 302");
            c.send("NICK i1b.ann");
            c.send("USER x 0 * :Ann");
            c.send("AUTHENTICATE PLAIN");
            line(c, "AUTHENTICATE +");
            c.send("AUTHENTICATE " + Base64.getEncoder().encodeToString("\u0000i1b.ann\u0000wrong".getBytes(StandardCharsets.UTF_8)));
            numeric(c, "904");
            c.send("CAP END");
            numeric(c, "001");
            c.send("JOIN #x");
            numeric(c, "451");
        }
    }

    @Test
    @DisplayName("unauthenticated: a notice says how to log in and commands get 451; NickServ IDENTIFY logs in and corrects the nick")
    void nickServIdentify() {
        server.register("i2.bob");
        try (TextClient c = connect("guest")) {
            numeric(c, "001");
            numeric(c, "422".equals("") ? "" : "376");
            line(c, "NOTICE guest :You are not logged in");
            c.send("JOIN #i2");
            assertTrue(numeric(c, "451").contains("IDENTIFY"));
            c.send("PRIVMSG i2.bob :hi");
            numeric(c, "451");
            c.send("PRIVMSG NickServ :IDENTIFY i2.bob wrong");
            line(c, "Invalid account or password");
            c.send("PRIVMSG NickServ :IDENTIFY i2.bob 123456");
            line(c, ":guest!guest@parley NICK i2.bob");
            numeric(c, "900");
            c.send("NICK other");
            numeric(c, "432");
        }
    }

    @Test
    @DisplayName("PASS account:password logs in at registration; a wrong one is 464")
    void passLogin() {
        try (TextClient c = loggedIn("i3.cy")) {
            c.send("PING x");
            line(c, "PONG");
        }
        try (TextClient c = server.text()) {
            c.send("PASS i3.cy:nope");
            c.send("NICK i3.cy");
            c.send("USER i3 0 * :x");
            numeric(c, "464");
            numeric(c, "001");
        }
    }

    @Test
    @DisplayName("REGISTER creates the account and logs in; an existing account is FAIL REGISTER ACCOUNT_EXISTS")
    void registerCommand() {
        try (TextClient c = connect("i4.new")) {
            c.send("REGISTER * * s3cret-pass");
            line(c, "REGISTER SUCCESS i4.new");
            numeric(c, "900");
        }
        try (TextClient c = connect("i4.other")) {
            c.send("REGISTER i4.new * s3cret-pass");
            line(c, "FAIL REGISTER ACCOUNT_EXISTS");
        }
    }

    @Test
    @DisplayName("README's IRC lines, sent verbatim, log in, join #dev and speak there")
    void readmeLines() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String block = readme.substring(readme.indexOf("```text", readme.indexOf("What an IRC client sends")) + "```text".length());
        List<String> lines = block.substring(0, block.indexOf("```")).strip().lines().toList();
        assertEquals("PASS 100:123456", lines.get(0), "the README block this test sends");
        server.register("100");
        try (JsonClient bob = server.loggedIn("i0.bob"); TextClient c = server.text()) {
            assertTrue(bob.request(op("join", "room", "#dev")).path("ok").asBoolean());
            for (String l : lines) c.send(l);
            numeric(c, "001");
            line(c, ":100!100@parley JOIN #dev");
            assertEquals("100", bob.awaitMessage("hello from IRC").path("from").asText());
        }
    }

    @Test
    @DisplayName("an IRC user and a JSON user share a channel and private messages, both ways")
    void crossProtocol() {
        try (TextClient ann = loggedIn("i5.ann"); JsonClient bob = server.loggedIn("i5.bob")) {
            ann.send("JOIN #I5room");
            line(ann, ":i5.ann!i5.ann@parley JOIN #I5room");
            String joinNames = line(ann, " 353 i5.ann = #I5room ");
            assertTrue(joinNames.contains("@i5.ann"), joinNames);
            numeric(ann, "366");
            ann.send("JOIN #i5room");
            quiet(ann, "JOIN #I5room");
            assertTrue(bob.request(op("join", "room", "#i5room")).path("ok").asBoolean());
            line(ann, ":i5.bob!i5.bob@parley JOIN #I5room");
            bob.request(op("say", "room", "#i5room", "text", "hello from json"));
            line(ann, ":i5.bob!i5.bob@parley PRIVMSG #I5room :hello from json");
            ann.send("PRIVMSG #i5room :hello from irc");
            JsonNode got = bob.awaitMessage("hello from irc");
            assertEquals("i5.ann", got.path("from").asText());
            ann.send("PRIVMSG i5.bob :private from irc");
            assertEquals("private", bob.awaitMessage("private from irc").path("kind").asText());
            bob.request(op("msg", "to", "i5.ann", "text", "private from json"));
            line(ann, ":i5.bob!i5.bob@parley PRIVMSG i5.ann :private from json");
            ann.send("TOPIC #i5room :the topic");
            line(ann, "TOPIC #I5room :the topic");
            bob.await(f -> "topic".equals(f.path("op").asText()) && "the topic".equals(f.path("text").asText()), "topic");
            ann.send("TOPIC #i5room");
            numeric(ann, "332");
            numeric(ann, "333");
            ann.send("NAMES #i5room");
            String names = line(ann, " 353 i5.ann = #I5room ");
            assertTrue(names.contains("@i5.ann") && names.contains("i5.bob"), names);
            ann.send("PART #i5room :bye");
            line(ann, "PART #I5room :bye");
            bob.await(f -> "parted".equals(f.path("op").asText()), "parted");
        }
    }

    @Test
    @DisplayName("error numerics: 401, 403, 404, 421, 442, 461, 473, 474, 482; KICK, INVITE (341), MODE +o/+b/+i")
    void errorPaths() {
        try (TextClient op = loggedIn("i6.op"); TextClient eve = loggedIn("i6.eve"); TextClient dan = loggedIn("i6.dan")) {
            op.send("JOIN #i6");
            numeric(op, "366");
            op.send("FOOBAR x");
            numeric(op, "421");
            op.send("JOIN");
            numeric(op, "461");
            op.send("PRIVMSG nobody.here :x");
            numeric(op, "401");
            op.send("PRIVMSG #i6none :x");
            numeric(op, "403");
            eve.send("PRIVMSG #i6 :x");
            numeric(eve, "404");
            eve.send("PART #i6");
            numeric(eve, "442");
            eve.send("JOIN #i6");
            numeric(eve, "366");
            line(op, ":i6.eve!i6.eve@parley JOIN #i6");
            eve.send("KICK #i6 i6.op");
            numeric(eve, "482");
            eve.send("MODE #i6 +o i6.eve");
            numeric(eve, "482");
            op.send("MODE #i6 +o i6.eve");
            line(op, "MODE #i6 +o i6.eve");
            op.send("MODE #i6 -o i6.eve");
            line(op, "MODE #i6 -o i6.eve");
            op.send("KICK #i6 i6.eve :out");
            line(eve, ":i6.op!i6.op@parley KICK #i6 i6.eve :out");
            line(op, "KICK #i6 i6.eve :out");
            op.send("MODE #i6 +b i6.eve");
            line(op, "MODE #i6 +b i6.eve!*@*");
            eve.send("JOIN #i6");
            numeric(eve, "474");
            op.send("MODE #i6 +i");
            line(op, "MODE #i6 +i");
            dan.send("JOIN #i6");
            numeric(dan, "473");
            op.send("INVITE i6.dan #i6");
            numeric(op, "341");
            line(dan, ":i6.op!i6.op@parley INVITE i6.dan #i6");
            dan.send("JOIN #i6");
            line(dan, ":i6.dan!i6.dan@parley JOIN #i6");
            op.send("MODE #i6");
            numeric(op, "324");
            op.send("MODE i6.op");
            numeric(op, "221");
            op.send("MODE i6.op +i");
            line(op, ":i6.op!i6.op@parley MODE i6.op +i");
            op.send("MODE i6.op");
            assertTrue(numeric(op, "221").endsWith(" +i"));
            op.send("MODE i6.op +x");
            numeric(op, "501");
            op.send("WHO #i6");
            numeric(op, "352");
            numeric(op, "315");
            op.send("WHOIS i6.dan");
            numeric(op, "311");
            numeric(op, "318");
            op.send("ISON i6.dan nobody");
            assertTrue(numeric(op, "303").endsWith(":i6.dan"));
            op.send("AWAY :lunch");
            numeric(op, "306");
            op.send("AWAY");
            numeric(op, "305");
            op.send("LIST");
            numeric(op, "321");
            numeric(op, "323");
        }
    }

    @Test
    @DisplayName("with account-tag, message-tags and extended-join: messages carry account and msgid, JOINs the account")
    void tagCapabilities() {
        server.register("i10.ann");
        try (TextClient ann = server.text(); JsonClient bob = server.loggedIn("i10.bob")) {
            ann.send("CAP LS 302");
            ann.send("CAP REQ :account-tag message-tags extended-join");
            ann.send("PASS i10.ann:123456");
            ann.send("NICK i10.ann");
            ann.send("USER a 0 * :a");
            line(ann, "ACK :account-tag message-tags extended-join");
            ann.send("CAP END");
            numeric(ann, "001");
            ann.send("@+typing=active TAGMSG #i10");
            ann.send("JOIN #i10");
            line(ann, ":i10.ann!i10.ann@parley JOIN #i10 i10.ann");
            bob.request(op("join", "room", "#i10"));
            line(ann, ":i10.bob!i10.bob@parley JOIN #i10 i10.bob");
            JsonNode said = bob.request(op("say", "room", "#i10", "text", "tagged"));
            String got = line(ann, "PRIVMSG #i10 :tagged");
            assertTrue(got.startsWith("@account=i10.bob;msgid=" + said.path("id").asText() + " "), got);
            quiet(ann, " 421 ");
        }
    }

    @Test
    @DisplayName("a private message to an offline IRC user is delivered at its next login with its original time (server-time)")
    void offlineWithServerTime() {
        server.register("i7.zed");
        try (JsonClient bob = server.loggedIn("i7.bob")) {
            JsonNode sent = bob.request(op("msg", "to", "i7.zed", "text", "while you were away"));
            assertTrue(sent.path("stored").asBoolean(), sent.toString());
        }
        try (TextClient c = server.text()) {
            c.send("CAP LS 302");
            c.send("CAP REQ :server-time");
            c.send("PASS i7.zed:123456");
            c.send("NICK i7.zed");
            c.send("USER z 0 * :z");
            c.send("CAP END");
            String got = line(c, "PRIVMSG i7.zed :while you were away");
            assertTrue(got.startsWith("@time=20"), got);
        }
    }

    @Test
    @DisplayName("logging in elsewhere replaces the IRC connection with an ERROR; a co-member going offline is a QUIT")
    void takeoverAndQuit() {
        try (TextClient ann = loggedIn("i8.ann"); TextClient bob = loggedIn("i8.bob")) {
            ann.send("JOIN #i8");
            numeric(ann, "366");
            bob.send("JOIN #i8");
            numeric(bob, "366");
            line(ann, "JOIN #i8");
            try (JsonClient again = server.json()) {
                again.login("i8.bob", "123456");
                line(bob, "ERROR :Closing link");
                assertTrue(bob.awaitClosed());
            }
            line(ann, ":i8.bob!i8.bob@parley QUIT");
        }
    }

    @Test
    @DisplayName("bad input: 512+ byte lines get 417, NUL lines are dropped, bare LF works, unterminated lines never run")
    void badInput() {
        try (TextClient c = loggedIn("i9.ann"); JsonClient other = server.loggedIn("i9.other")) {
            c.send("PRIVMSG i9.other :" + "x".repeat(600));
            numeric(c, "417");
            c.sendRaw("PRIVMSG i9.other :a\0b\r\n".getBytes(StandardCharsets.UTF_8));
            line(c, "Line dropped");
            c.sendLf("PING lf");
            line(c, "PONG parley lf");
            c.sendRaw("\u0001\u0002garbage \u00ff\r\n:::\r\n@\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.sendRaw("\r\nPING after\r\n".getBytes(StandardCharsets.UTF_8));
            line(c, "PONG parley after");
            c.sendRaw("PRIVMSG i9.other :never sent".getBytes(StandardCharsets.UTF_8));
            assertTrue(other.request(op("ping")).path("op").asText().equals("pong"), "others unaffected");
            assertNull(other.poll(f -> "never sent".equals(f.path("text").asText()), QUIET));
        }
    }
}
