package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumericsTest {
    private final Numerics n = new Numerics("irc.parley");

    private static List<String> lines(List<IrcMessage> messages) {
        return messages.stream().map(IrcWriter::line).toList();
    }

    @Test
    @DisplayName("001-004 with the network, the mask, version and modes in their places")
    void welcome() {
        assertEquals(List.of(
                        ":irc.parley 001 alice :Welcome to the Parley IRC Network, alice!alice@parley\r\n",
                        ":irc.parley 002 alice :Your host is irc.parley, running version parley-1.0\r\n",
                        ":irc.parley 003 alice :This server was created 2026-11-30\r\n",
                        ":irc.parley 004 alice irc.parley parley-1.0 i bi b\r\n"),
                lines(n.welcome("alice", "Parley", "alice!alice@parley", "parley-1.0", "2026-11-30", "i", "bi", "b")));
    }

    @Test
    @DisplayName("before a nick the client is '*'")
    void starBeforeNick() {
        assertEquals(":irc.parley 451 * :You have not registered\r\n", IrcWriter.line(n.notRegistered(null, null)));
        assertEquals(":irc.parley 461 * USER :Not enough parameters\r\n", IrcWriter.line(n.needMoreParams("", "USER")));
    }

    @Test
    @DisplayName("MOTD lines, or 422 when there is none")
    void motd() {
        assertEquals(List.of(":irc.parley 375 bob :- irc.parley Message of the day - \r\n",
                ":irc.parley 372 bob :- Be nice\r\n", ":irc.parley 376 bob :End of /MOTD command.\r\n"),
                lines(n.motd("bob", List.of("Be nice"))));
        assertEquals(List.of(":irc.parley 422 bob :MOTD File is missing\r\n"), lines(n.motd("bob", List.of())));
    }

    @Test
    @DisplayName("LUSERS: 251-255, 265, 266 with their counts")
    void lusers() {
        assertEquals(List.of(
                ":irc.parley 251 bob :There are 10 users and 0 invisible on 1 servers\r\n",
                ":irc.parley 252 bob 0 :operator(s) online\r\n",
                ":irc.parley 253 bob 1 :unknown connection(s)\r\n",
                ":irc.parley 254 bob 7 :channels formed\r\n",
                ":irc.parley 255 bob :I have 4 clients and 1 servers\r\n",
                ":irc.parley 265 bob 4 9 :Current local users 4, max 9\r\n",
                ":irc.parley 266 bob 10 20 :Current global users 10, max 20\r\n"),
                lines(n.lusers("bob", new Numerics.Lusers(10, 0, 1, 0, 1, 7, 4, 9, 10, 20))));
    }

    @Test
    @DisplayName("parameters in the documented order: WHO, WHOIS, TOPIC, LIST, bans, INVITE, errors with a target")
    void parameterOrder() {
        assertEquals(":irc.parley 352 bob #dev alice parley irc.parley alice H@ :0 Alice A\r\n",
                IrcWriter.line(n.whoReply("bob", "#dev", "alice", "parley", "alice", "H@", "Alice A")));
        assertEquals(":irc.parley 311 bob alice alice parley * :Alice A\r\n",
                IrcWriter.line(n.whoisUser("bob", "alice", "alice", "parley", "Alice A")));
        assertEquals(":irc.parley 330 bob alice alice :is logged in as\r\n", IrcWriter.line(n.whoisAccount("bob", "alice", "alice")));
        assertEquals(":irc.parley 333 bob #dev alice 1764500000\r\n", IrcWriter.line(n.topicWhoTime("bob", "#dev", "alice", 1764500000L)));
        assertEquals(":irc.parley 322 bob #dev 12 :all about dev\r\n", IrcWriter.line(n.list("bob", "#dev", 12, "all about dev")));
        assertEquals(":irc.parley 322 bob #dev 12 :\r\n", IrcWriter.line(n.list("bob", "#dev", 12, null)));
        assertEquals(":irc.parley 367 bob #dev eve!*@* alice 1764500000\r\n",
                IrcWriter.line(n.banList("bob", "#dev", "eve!*@*", "alice", 1764500000L)));
        assertEquals(":irc.parley 341 bob alice #dev\r\n", IrcWriter.line(n.inviting("bob", "alice", "#dev")));
        assertEquals(":irc.parley 441 bob eve #dev :They aren't on that channel\r\n", IrcWriter.line(n.userNotInChannel("bob", "eve", "#dev")));
        assertEquals(":irc.parley 482 bob #dev :You're not channel operator\r\n", IrcWriter.line(n.chanOpPrivsNeeded("bob", "#dev")));
        assertEquals(":irc.parley 324 bob #dev +i\r\n", IrcWriter.line(n.channelModeIs("bob", "#dev", "+i")));
        assertEquals(":irc.parley 302 bob :alice=+alice@parley eve=-eve@parley\r\n", IrcWriter.line(n.userhost("bob",
                List.of(Numerics.userhostEntry("alice", false, false, "alice@parley"), Numerics.userhostEntry("eve", false, true, "eve@parley")))));
        assertEquals(":irc.parley 417 bob :Input line was too long\r\n", IrcWriter.line(n.inputTooLong("bob")));
        assertEquals(":irc.parley 311 bob alice alice parley * :\r\n", IrcWriter.line(n.whoisUser("bob", "alice", "alice", "parley", null)),
                "an absent realname is empty text");
    }

    @Test
    @DisplayName("SASL numerics 900-908")
    void sasl() {
        assertEquals(":irc.parley 900 alice alice!alice@parley alice :You are now logged in as alice\r\n",
                IrcWriter.line(n.loggedIn("alice", "alice!alice@parley", "alice")));
        assertEquals(":irc.parley 903 alice :SASL authentication successful\r\n", IrcWriter.line(n.saslSuccess("alice")));
        assertEquals(":irc.parley 904 * :SASL authentication failed\r\n", IrcWriter.line(n.saslFail(null)));
        assertEquals(":irc.parley 908 * PLAIN :are available SASL mechanisms\r\n", IrcWriter.line(n.saslMechanisms("*", "PLAIN")));
    }

    @Test
    @DisplayName("standard replies: FAIL <command> <code> <context...> :<description>")
    void standardReplies() {
        assertEquals(":irc.parley FAIL REGISTER ACCOUNT_EXISTS alice :Account already exists\r\n",
                IrcWriter.line(n.fail("REGISTER", "ACCOUNT_EXISTS", "Account already exists", "alice")));
        assertEquals(":irc.parley NOTE * LOGIN_REQUIRED :Log in first\r\n",
                IrcWriter.line(n.note("*", "LOGIN_REQUIRED", "Log in first")));
    }

    @Test
    @DisplayName("NAMES of a big room spreads over lines of at most 512 bytes, then one 366; every member listed once")
    void namesSplit() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) members.add((i % 10 == 0 ? "@" : "") + "user" + i);
        List<IrcMessage> out = n.names("bob", "=", "#big", members);
        List<String> seen = new ArrayList<>();
        for (IrcMessage m : out.subList(0, out.size() - 1)) {
            assertEquals(List.of("bob", "=", "#big"), m.params().subList(0, 3));
            assertTrue(IrcText.utf8Length(IrcWriter.line(m)) <= 512);
            seen.addAll(List.of(m.last().split(" ")));
        }
        assertEquals(members, seen);
        assertTrue(out.size() > 3);
        assertEquals(":irc.parley 366 bob #big :End of /NAMES list\r\n", IrcWriter.line(out.get(out.size() - 1)));
        assertEquals(List.of(":irc.parley 353 bob = #dev :@alice bob\r\n", ":irc.parley 366 bob #dev :End of /NAMES list\r\n"),
                lines(n.names("bob", "=", "#dev", List.of("@alice", "bob"))));
    }

    @Test
    @DisplayName("ISON with nobody online is one empty 303")
    void emptyIson() {
        assertEquals(List.of(":irc.parley 303 bob :\r\n"), lines(n.ison("bob", List.of())));
    }
}
