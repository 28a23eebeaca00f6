package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationTest {
    private final Numerics numerics = new Numerics("irc.parley");
    private final CapNegotiation cap = new CapNegotiation(numerics, CapNegotiation.ALL);
    private final SaslPlain sasl = new SaslPlain(numerics);
    private final Registration reg = new Registration(numerics, cap, sasl, 16);

    private static IrcMessage msg(String line) throws IrcParseException {
        return IrcParser.forClients().parse(IrcText.utf8(line));
    }

    private static String line(IrcMessage m) {
        return IrcWriter.line(m);
    }

    @Test
    @DisplayName("NICK and USER complete registration once; PASS account:password is handed out as a login")
    void plainRegistration() throws Exception {
        assertEquals(List.of(), reg.onPass(msg("PASS :alice:pa ss")));
        assertEquals(new Registration.NickSet("guest1"), reg.onNick(msg("NICK guest1")));
        assertFalse(reg.ready());
        assertEquals(List.of(), reg.onUser(msg("USER ~al!ce 0 * :Alice A")));
        assertTrue(reg.ready());
        Registration.Completion c = reg.complete();
        assertEquals(new Registration.Completion("guest1", "alce", "Alice A",
                new AccountCommands.Login("alice", "pa ss", AccountCommands.Via.PASS), List.of()), c);
        assertNull(reg.complete(), "only once");
        assertEquals(List.of(":irc.parley 462 guest1 :You may not reregister\r\n"), reg.onUser(msg("USER a 0 * :b")).stream().map(IrcWriter::line).toList());
        assertEquals(List.of(":irc.parley 462 guest1 :You may not reregister\r\n"), reg.onPass(msg("PASS x")).stream().map(IrcWriter::line).toList());
        // The PASS login succeeds after registration: the client sees its nick become the account.
        assertEquals(new Registration.NickChanged("guest1", "alice"), reg.loggedIn("alice"));
        assertEquals("alice", reg.nick());
    }

    @Test
    @DisplayName("CAP LS holds registration until CAP END; a SASL outcome being checked holds it too; SASL before 001 means 001 carries the account")
    void capAndSasl() throws Exception {
        cap.handle(msg("CAP LS 302"), "*", false);
        reg.onNick(msg("NICK guest"));
        reg.onUser(msg("USER u 0 * :U"));
        assertFalse(reg.ready());
        sasl.onAuthenticate(msg("AUTHENTICATE PLAIN"), "guest", false);
        sasl.onAuthenticate(msg("AUTHENTICATE AGFsaWNlAHB3"), "guest", false); // \0alice\0pw
        cap.handle(msg("CAP END"), "guest", false);
        assertFalse(reg.ready(), "waiting for the auth service");
        sasl.succeeded("guest", "alice!u@parley", "alice");
        assertNull(reg.loggedIn("alice"), "no NICK message before 001");
        Registration.Completion c = reg.complete();
        assertEquals("alice", c.nick());
        assertNull(c.passLogin());
    }

    @Test
    @DisplayName("registration completing while a SASL payload is unfinished aborts it with 906")
    void saslAbortedByRegistration() throws Exception {
        reg.onNick(msg("NICK bob"));
        reg.onUser(msg("USER bob 0 * :Bob"));
        sasl.onAuthenticate(msg("AUTHENTICATE PLAIN"), "bob", false);
        Registration.Completion c = reg.complete();
        assertEquals(List.of(":irc.parley 906 bob :SASL authentication aborted\r\n"), c.saslAborted().stream().map(IrcWriter::line).toList());
    }

    @Test
    @DisplayName("nick rules: missing 431, not an account id 432, once logged in the nick is the account")
    void nickRules() throws Exception {
        assertEquals(":irc.parley 431 * :No nickname given\r\n",
                line(assertInstanceOf(Registration.NickRefused.class, reg.onNick(msg("NICK"))).reply()));
        assertEquals(":irc.parley 432 * b@d :Nicks are Parley account ids: 1 to 32 of A-Z a-z 0-9 _ . -\r\n",
                line(assertInstanceOf(Registration.NickRefused.class, reg.onNick(msg("NICK b@d"))).reply()));
        assertInstanceOf(Registration.NickRefused.class, reg.onNick(msg("NICK " + "a".repeat(33))));
        reg.onNick(msg("NICK guest"));
        reg.onUser(msg("USER g 0 * :G"));
        reg.complete();
        assertEquals(new Registration.NickChanged("guest", "guest2"), reg.onNick(msg("NICK guest2")));
        reg.loggedIn("alice");
        assertEquals(new Registration.NickUnchanged("alice"), reg.onNick(msg("NICK alice")));
        assertEquals(":irc.parley 432 alice Alice :Your nick is your account name, alice, and cannot change\r\n",
                line(assertInstanceOf(Registration.NickRefused.class, reg.onNick(msg("NICK Alice"))).reply()));
    }

    @Test
    @DisplayName("before registration only registration commands run (451); after it, without an account, only NickServ and them")
    void gate() throws Exception {
        assertNull(reg.refusal(msg("CAP LS 302")));
        assertNull(reg.refusal(msg("REGISTER * * pw")));
        assertEquals(":irc.parley 451 * :You have not registered\r\n", line(reg.refusal(msg("JOIN #dev"))));
        reg.onNick(msg("NICK guest"));
        reg.onUser(msg("USER g 0 * :G"));
        reg.complete();
        assertNull(reg.refusal(msg("PRIVMSG NickServ :IDENTIFY alice pw")));
        assertNull(reg.refusal(msg("PRIVMSG nickserv@irc.parley :HELP")));
        assertNull(reg.refusal(msg("PING x")));
        assertEquals(":irc.parley 451 guest :" + AccountCommands.howToLogIn() + "\r\n", line(reg.refusal(msg("PRIVMSG #dev :hi"))));
        assertEquals("451", reg.refusal(msg("JOIN #dev")).command());
        reg.loggedIn("alice");
        assertNull(reg.refusal(msg("JOIN #dev")));
    }

    @Test
    @DisplayName("USER needs four parameters; PASS one")
    void needMoreParams() throws Exception {
        assertEquals(List.of(":irc.parley 461 * USER :Not enough parameters\r\n"), reg.onUser(msg("USER a 0 *")).stream().map(IrcWriter::line).toList());
        assertEquals(List.of(":irc.parley 461 * PASS :Not enough parameters\r\n"), reg.onPass(msg("PASS")).stream().map(IrcWriter::line).toList());
    }
}
