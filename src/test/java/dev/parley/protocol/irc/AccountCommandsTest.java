package dev.parley.protocol.irc;

import dev.parley.protocol.ChatError;
import dev.parley.service.auth.AccountRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.parley.protocol.irc.AccountCommands.Via.NICKSERV;
import static dev.parley.protocol.irc.AccountCommands.Via.PASS;
import static dev.parley.protocol.irc.AccountCommands.Via.REGISTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountCommandsTest {
    private final Numerics numerics = new Numerics("irc.parley");

    @Test
    @DisplayName("nicks follow Parley's account id rule exactly")
    void nickRuleIsAccountRule() {
        assertEquals(AccountRules.USER_ID.pattern(), Nicks.ACCOUNT_ID.pattern());
        assertTrue(Nicks.valid("200"));
        assertTrue(Nicks.valid("a.b-c_d"));
        assertFalse(Nicks.valid("a b"));
        assertFalse(Nicks.valid("#room"));
        assertFalse(Nicks.valid(""));
    }

    @Test
    @DisplayName("PASS account:password splits at the first colon; PASS password uses the nick; nothing usable is null")
    void pass() {
        assertEquals(new AccountCommands.Login("alice", "a:b c", PASS), AccountCommands.fromPass("alice:a:b c", "guest"));
        assertEquals(new AccountCommands.Login("guest", "secret", PASS), AccountCommands.fromPass("secret", "guest"));
        assertNull(AccountCommands.fromPass("secret", null));
        assertNull(AccountCommands.fromPass(":secret", "guest"));
        assertNull(AccountCommands.fromPass(null, "guest"));
    }

    @Test
    @DisplayName("NickServ IDENTIFY [account] <password>, REGISTER <password> [email], anything else is help")
    void nickServ() {
        assertEquals(new AccountCommands.Login("guest", "pw", NICKSERV), AccountCommands.nickServ("IDENTIFY pw", "guest", null));
        assertEquals(new AccountCommands.Login("alice", "pass phrase", NICKSERV),
                AccountCommands.nickServ("identify alice pass phrase", "guest", null));
        assertEquals(new AccountCommands.Register("guest", null, "pw", NICKSERV), AccountCommands.nickServ("REGISTER pw", "guest", null));
        assertEquals(new AccountCommands.Register("guest", "g@example.org", "pw", NICKSERV),
                AccountCommands.nickServ("register pw g@example.org", "guest", null));
        assertEquals(new AccountCommands.Answer("Usage: REGISTER <password> [email]"), AccountCommands.nickServ("REGISTER", "guest", null));
        assertEquals(new AccountCommands.Answer("Usage: IDENTIFY [account] <password>"), AccountCommands.nickServ("IDENTIFY", "guest", null));
        assertEquals(new AccountCommands.Answer(AccountCommands.NICKSERV_HELP), AccountCommands.nickServ("GHOST x", "guest", null));
        assertEquals(new AccountCommands.Answer("You are already logged in as alice."), AccountCommands.nickServ("IDENTIFY pw", "alice", "alice"));
        assertFalse(new AccountCommands.Login("a", "hunter2", PASS).toString().contains("hunter2"));
        assertTrue(Nicks.isNickServ("nickserv"));
        assertTrue(Nicks.isNickServ("NickServ@irc.parley"));
        assertFalse(Nicks.isNickServ("#NickServ"));
    }

    @Test
    @DisplayName("REGISTER <account> <email|*> <password>: '*' is the nick; bad names, no nick, already logged in are FAIL REGISTER")
    void register() {
        assertEquals(new AccountCommands.Register("alice", null, "pw", REGISTER),
                AccountCommands.register(IrcMessage.of("REGISTER", "alice", "*", "pw"), numerics, "guest", null));
        assertEquals(new AccountCommands.Register("guest", "g@x.org", "pw", REGISTER),
                AccountCommands.register(IrcMessage.of("REGISTER", "*", "g@x.org", "pw"), numerics, "guest", null));
        assertEquals(":irc.parley FAIL REGISTER NEED_NICK * :Send NICK first, or name the account\r\n", failLine(
                AccountCommands.register(IrcMessage.of("REGISTER", "*", "*", "pw"), numerics, null, null)));
        assertEquals(":irc.parley FAIL REGISTER BAD_ACCOUNT_NAME b@d :Nicks are Parley account ids: 1 to 32 of A-Z a-z 0-9 _ . -\r\n",
                failLine(AccountCommands.register(IrcMessage.of("REGISTER", "b@d", "*", "pw"), numerics, "guest", null)));
        assertEquals(":irc.parley FAIL REGISTER ALREADY_AUTHENTICATED alice :You are already logged in\r\n",
                failLine(AccountCommands.register(IrcMessage.of("REGISTER", "x", "*", "pw"), numerics, "alice", "alice")));
        assertEquals(":irc.parley 461 guest REGISTER :Not enough parameters\r\n",
                failLine(AccountCommands.register(IrcMessage.of("REGISTER", "x", "pw"), numerics, "guest", null)));
    }

    @Test
    @DisplayName("outcomes become the replies of the way they came in")
    void replies() {
        AccountReplies r = new AccountReplies(numerics, "NickServ!NickServ@services.parley");
        assertEquals(List.of(":irc.parley 464 guest :Password incorrect\r\n",
                        ":NickServ!NickServ@services.parley NOTICE guest :Invalid account or password.\r\n"),
                lines(r.loginRefused(PASS, "guest", ChatError.BAD_CREDENTIALS)));
        assertEquals(List.of(":NickServ!NickServ@services.parley NOTICE guest :You are now logged in as alice.\r\n",
                        ":irc.parley 900 guest alice!alice@parley alice :You are now logged in as alice\r\n"),
                lines(r.loggedIn(NICKSERV, "guest", "alice!alice@parley", "alice")));
        assertEquals(List.of(":irc.parley REGISTER SUCCESS alice :Account created; you are now logged in\r\n",
                        ":irc.parley 900 guest alice!alice@parley alice :You are now logged in as alice\r\n"),
                lines(r.registered(REGISTER, "guest", "alice!alice@parley", "alice")));
        assertEquals(":irc.parley FAIL REGISTER ACCOUNT_EXISTS alice :Account already exists\r\n",
                IrcWriter.line(r.registrationRefused(REGISTER, "guest", "alice", ChatError.USER_EXISTS)));
        assertEquals(":irc.parley FAIL REGISTER UNACCEPTABLE_PASSWORD alice :password length is out of bounds\r\n",
                IrcWriter.line(r.registrationRefused(REGISTER, "guest", "alice", ChatError.INVALID_PASSWORD)));
        assertEquals(":NickServ!NickServ@services.parley NOTICE guest :Account alice already exists.\r\n",
                IrcWriter.line(r.registrationRefused(NICKSERV, "guest", "alice", ChatError.USER_EXISTS)));
        assertEquals(List.of(":irc.parley 465 guest :This account is locked; contact the operators.\r\n"),
                lines(r.loginRefused(PASS, "guest", ChatError.ACCOUNT_LOCKED)));
    }

    private static String failLine(AccountCommands.Request r) {
        return IrcWriter.line(assertInstanceOf(AccountCommands.Fail.class, r).message());
    }

    private static List<String> lines(List<IrcMessage> messages) {
        return messages.stream().map(IrcWriter::line).toList();
    }
}
