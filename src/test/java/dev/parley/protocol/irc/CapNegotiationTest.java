package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapNegotiationTest {
    private final Numerics numerics = new Numerics("irc.parley");
    private final CapNegotiation cap = new CapNegotiation(numerics, List.of(
            new CapNegotiation.Capability("server-time", null), new CapNegotiation.Capability("multi-prefix", null),
            new CapNegotiation.Capability("sasl", "PLAIN"), new CapNegotiation.Capability("cap-notify", null)));

    private List<String> send(String line, String nick, boolean registered) throws IrcParseException {
        return cap.handle(IrcParser.forClients().parse(IrcText.utf8(line)), nick, registered).stream().map(IrcWriter::line).toList();
    }

    @Test
    @DisplayName("CAP LS 302 lists values and holds registration until CAP END; plain CAP LS shows no values")
    void lsAndEnd() throws Exception {
        assertEquals(List.of(":irc.parley CAP * LS :server-time multi-prefix sasl=PLAIN cap-notify\r\n"), send("CAP LS 302", "*", false));
        assertTrue(cap.holdsRegistration());
        assertEquals(302, cap.version());
        assertEquals(Set.of("cap-notify"), cap.enabledCapabilities(), "302 implies cap-notify");
        assertEquals(List.of(), send("CAP END", "*", false));
        assertFalse(cap.holdsRegistration());
        CapNegotiation old = new CapNegotiation(numerics, CapNegotiation.ALL);
        assertEquals(":irc.parley CAP * LS :account-tag away-notify batch cap-notify draft/account-registration "
                        + "draft/chathistory echo-message extended-join labeled-response message-tags multi-prefix sasl server-time\r\n",
                IrcWriter.line(old.handle(IrcMessage.of("CAP", "LS"), "*", false).get(0)));
        assertEquals(301, old.version());
        assertEquals(Set.of(), old.enabledCapabilities());
    }

    @Test
    @DisplayName("REQ is atomic: all known, ACK and applied; one unknown, NAK and nothing changes; -cap removes")
    void reqAtomic() throws Exception {
        assertEquals(List.of(":irc.parley CAP * ACK :server-time multi-prefix\r\n"), send("CAP REQ :server-time multi-prefix", "*", false));
        assertTrue(cap.holdsRegistration(), "REQ before registration holds it too");
        assertEquals(List.of(":irc.parley CAP * NAK :sasl echo-message\r\n"), send("CAP REQ :sasl echo-message", "*", false));
        assertFalse(cap.enabled("sasl"));
        assertEquals(List.of(":irc.parley CAP * NAK :sasl=PLAIN\r\n"), send("CAP REQ sasl=PLAIN", "*", false));
        assertEquals(List.of(":irc.parley CAP * ACK :-multi-prefix sasl\r\n"), send("CAP REQ :-multi-prefix sasl", "*", false));
        assertEquals(Set.of("server-time", "sasl"), cap.enabledCapabilities());
        assertEquals(List.of(":irc.parley CAP bob LIST :server-time sasl\r\n"), send("cap list", "bob", true));
        assertEquals(List.of(":irc.parley CAP * NAK :\r\n"), send("CAP REQ :", "*", false));
    }

    @Test
    @DisplayName("after registration CAP never holds anything")
    void afterRegistration() throws Exception {
        send("CAP LS 302", "bob", true);
        send("CAP REQ server-time", "bob", true);
        assertFalse(cap.holdsRegistration());
        assertTrue(cap.enabled("server-time"));
    }

    @Test
    @DisplayName("an unknown subcommand is 410, a missing one 461")
    void errors() throws Exception {
        assertEquals(List.of(":irc.parley 410 * FOO :Invalid CAP command\r\n"), send("CAP FOO", "*", false));
        assertEquals(List.of(":irc.parley 461 * CAP :Not enough parameters\r\n"), send("CAP", "*", false));
    }

    @Test
    @DisplayName("a long LS is spread over lines marked '*' except the last, each within 512 bytes")
    void multiline() {
        List<CapNegotiation.Capability> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) many.add(new CapNegotiation.Capability("vendor.example/cap-number-" + i, "v" + i));
        List<IrcMessage> out = new CapNegotiation(numerics, many).handle(IrcMessage.of("CAP", "LS", "302"), "*", false);
        assertTrue(out.size() > 1);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            IrcMessage m = out.get(i);
            assertTrue(IrcText.utf8Length(IrcWriter.line(m)) <= 512);
            assertEquals(i < out.size() - 1 ? List.of("*", "LS", "*") : List.of("*", "LS"), m.params().subList(0, m.params().size() - 1));
            tokens.addAll(List.of(m.last().split(" ")));
        }
        assertEquals(many.stream().map(c -> c.name() + "=" + c.value()).toList(), tokens);
    }
}
