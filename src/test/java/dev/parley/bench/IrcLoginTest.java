package dev.parley.bench;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's IRC way in, line by line against scripted server lines (the smoke test runs it against Parley). */
class IrcLoginTest {

    @Test
    @DisplayName("none (an IRC server without accounts): NICK/USER, in at the end of the MOTD, then JOIN, done at its end of NAMES")
    void noAccounts() {
        IrcLogin l = new IrcLogin("u1", "pw", IrcLogin.Auth.NONE, true, "#bench");
        assertEquals("NICK u1\r\nUSER u1 0 * :u1\r\n", l.opening(), "no REGISTER without accounts");
        assertEquals(IrcLogin.Step.READ, l.onLine(":irc.example 001 u1 :Welcome"));
        assertEquals("PONG :123\r\n", l.onLine("PING :123").send());
        assertEquals("JOIN #bench\r\n", l.onLine(":irc.example 376 u1 :End of MOTD").send());
        assertFalse(l.onLine(":irc.example 366 u1 #other :End of NAMES").done());
        assertTrue(l.onLine(":irc.example 366 u1 #Bench :End of /NAMES list.\r").done(), "channel names fold case");
    }

    @Test
    @DisplayName("sasl with REGISTER: a new account is in at once; an existing one logs in with SASL PLAIN, the payload in base64")
    void saslAfterRegister() {
        IrcLogin fresh = new IrcLogin("u2", "pw", IrcLogin.Auth.SASL, true, null);
        assertEquals("CAP LS 302\r\nREGISTER u2 * pw\r\n", fresh.opening());
        assertEquals("NICK u2\r\nUSER u2 0 * :u2\r\nCAP END\r\n", fresh.onLine(":parley REGISTER SUCCESS u2 :Account created").send());
        fresh.onLine(":parley 001 u2 :Welcome");
        assertTrue(fresh.onLine(":parley 422 u2 :MOTD File is missing").done(), "logged in by REGISTER, no channel");

        IrcLogin existing = new IrcLogin("u3", "pw", IrcLogin.Auth.SASL, true, null);
        existing.opening();
        assertEquals("CAP REQ :sasl\r\nNICK u3\r\nUSER u3 0 * :u3\r\nAUTHENTICATE PLAIN\r\n",
                existing.onLine(":parley FAIL REGISTER ACCOUNT_EXISTS u3 :Account already exists").send());
        String payload = existing.onLine("AUTHENTICATE +").send();
        assertEquals("AUTHENTICATE " + Base64.getEncoder().encodeToString("\0u3\0pw".getBytes(StandardCharsets.UTF_8)) + "\r\n", payload);
        assertEquals(IrcLogin.Step.READ, existing.onLine(":parley 900 u3 u3!u3@parley u3 :You are now logged in as u3"));
        assertEquals("CAP END\r\n", existing.onLine(":parley 903 u3 :SASL authentication successful").send());
        existing.onLine(":parley 001 u3 :Welcome");
        assertTrue(existing.onLine(":parley 376 u3 :End of MOTD").done());
    }

    @Test
    @DisplayName("pass: in only once logged in, even when 900 follows the MOTD; a refusal or a server ERROR fails with the line")
    void passAndRefusals() {
        IrcLogin l = new IrcLogin("u4", "pw", IrcLogin.Auth.PASS, false, null);
        assertEquals("PASS u4:pw\r\nNICK u4\r\nUSER u4 0 * :u4\r\n", l.opening());
        l.onLine("@time=2026-01-01T00:00:00.000Z :parley 001 u4 :Welcome");
        assertFalse(l.onLine(":parley 422 u4 :MOTD File is missing").done(), "not logged in yet");
        assertTrue(l.onLine(":parley 900 u4 u4!u4@parley u4 :You are now logged in as u4").done());

        assertEquals("refused: :parley 464 u5 :Password incorrect",
                new IrcLogin("u5", "pw", IrcLogin.Auth.PASS, false, null).onLine(":parley 464 u5 :Password incorrect").failure());
        assertTrue(new IrcLogin("u6", "pw", IrcLogin.Auth.NONE, false, null).onLine("ERROR :Closing link: too many").failure()
                .contains("Closing link"));
        IrcLogin joining = new IrcLogin("u7", "pw", IrcLogin.Auth.NONE, false, "#bench");
        joining.onLine(":s 001 u7 :Welcome");
        joining.onLine(":s 376 u7 :End");
        assertTrue(joining.onLine(":s 474 u7 #bench :Cannot join channel (+b)").failure().startsWith("JOIN refused"));
        assertNull(new IrcLogin("u8", "pw", IrcLogin.Auth.SASL, true, null).onLine(":parley 005 u8 NETWORK=Parley :are supported").failure());
    }

    @Test
    @DisplayName("after login: PRIVMSG lines are messages, 4xx numerics are send errors, other numerics are neither")
    void chatLines() {
        BenchOptions o = BenchOptions.parse(new String[] {"fanout", "--proto", "irc", "--channel", "#room"});
        ChatLines irc = ChatLines.of(o);
        byte[] message = ":a!a@parley PRIVMSG #room :F1234.0.1.2.xx".getBytes(StandardCharsets.US_ASCII);
        assertTrue(irc.isMessage(message, 0, message.length));
        assertEquals(message.length - "F1234.0.1.2.xx".length() - 2,
                Frames.indexOf(message, 0, message.length, irc.marker('F', 1234)));
        byte[] error = ":parley 404 a #room :Cannot send to channel".getBytes(StandardCharsets.US_ASCII);
        byte[] welcome = ":parley 422 a :MOTD".getBytes(StandardCharsets.US_ASCII);
        byte[] names = ":parley 353 a = #room :a b".getBytes(StandardCharsets.US_ASCII);
        assertTrue(irc.isError(error, 0, error.length));
        assertTrue(irc.isError(welcome, 0, welcome.length), "a 4xx after login is counted");
        assertFalse(irc.isError(names, 0, names.length));
        assertFalse(irc.isMessage(names, 0, names.length));
        assertEquals("PRIVMSG #room :hi\r\n", string(irc.say(1, null, "hi")));
        assertEquals("PRIVMSG bob :hi\r\n", string(irc.msg(1, "bob", "hi")));
        assertFalse(irc.acknowledges());
    }

    private static String string(Buffer b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
