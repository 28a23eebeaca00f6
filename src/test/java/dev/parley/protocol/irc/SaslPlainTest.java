package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaslPlainTest {
    private final Numerics numerics = new Numerics("irc.parley");
    private final SaslPlain sasl = new SaslPlain(numerics);

    private SaslPlain.Step send(String arg) {
        return sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE", arg), "*", false);
    }

    private static List<String> lines(SaslPlain.Step step) {
        return assertInstanceOf(SaslPlain.Reply.class, step).messages().stream().map(IrcWriter::line).toList();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("AUTHENTICATE PLAIN, +, one chunk: credentials out; success gives 900 and 903")
    void success() {
        assertEquals(List.of(":irc.parley AUTHENTICATE +\r\n"), lines(send("plain")));
        assertTrue(sasl.inProgress());
        SaslPlain.Step step = send(b64("\0alice\0s3cret pw"));
        assertEquals(new SaslPlain.Credentials("", "alice", "s3cret pw"), step);
        assertTrue(sasl.awaitingOutcome());
        assertEquals(List.of(":irc.parley 900 * alice!alice@parley alice :You are now logged in as alice\r\n",
                        ":irc.parley 903 * :SASL authentication successful\r\n"),
                sasl.succeeded("*", "alice!alice@parley", "alice").stream().map(IrcWriter::line).toList());
        assertFalse(sasl.inProgress());
        assertEquals(List.of(":irc.parley 907 * :You have already authenticated using SASL\r\n"), lines(send("PLAIN")));
    }

    @Test
    @DisplayName("a payload over 400 bytes comes in chunks of 400; an exact multiple ends with '+'")
    void chunks() {
        String password = "p".repeat(600);
        String encoded = b64("alice\0alice\0" + password);
        send("PLAIN");
        int off = 0;
        while (encoded.length() - off >= 400) {
            assertEquals(List.of(), lines(send(encoded.substring(off, off + 400))));
            off += 400;
        }
        SaslPlain.Step last = send(off == encoded.length() ? "+" : encoded.substring(off));
        assertEquals(new SaslPlain.Credentials("alice", "alice", password), last);

        // 300 bytes encode to exactly 400 characters: the '+' ends it.
        SaslPlain exact = new SaslPlain(numerics);
        String payload = "\0bob\0" + "q".repeat(295);
        String enc = b64(payload);
        assertEquals(400, enc.length());
        exact.onAuthenticate(IrcMessage.of("AUTHENTICATE", "PLAIN"), "*", false);
        assertEquals(new SaslPlain.Reply(List.of()), exact.onAuthenticate(IrcMessage.of("AUTHENTICATE", enc), "*", false));
        assertEquals(new SaslPlain.Credentials("", "bob", "q".repeat(295)),
                exact.onAuthenticate(IrcMessage.of("AUTHENTICATE", "+"), "*", false));
    }

    @Test
    @DisplayName("wrong credentials: 904 and the client may try again")
    void failure() {
        send("PLAIN");
        send(b64("\0alice\0wrong"));
        assertEquals(List.of(":irc.parley 904 * :SASL authentication failed\r\n"),
                sasl.failed("*").stream().map(IrcWriter::line).toList());
        assertEquals(List.of(":irc.parley AUTHENTICATE +\r\n"), lines(send("PLAIN")));
    }

    @Test
    @DisplayName("another mechanism: 908 PLAIN then 904")
    void otherMechanism() {
        assertEquals(List.of(":irc.parley 908 * PLAIN :are available SASL mechanisms\r\n",
                ":irc.parley 904 * :SASL authentication failed\r\n"), lines(send("EXTERNAL")));
    }

    @Test
    @DisplayName("'*' aborts with 906; a late outcome after an abort sends nothing")
    void abort() {
        send("PLAIN");
        send(b64("\0alice\0pw"));
        assertEquals(List.of(":irc.parley 906 * :SASL authentication aborted\r\n"), lines(send("*")));
        assertFalse(sasl.awaitingOutcome());
        assertEquals(List.of(), sasl.succeeded("*", "alice!alice@parley", "alice"));
    }

    @Test
    @DisplayName("a chunk over 400 bytes or a payload over the bound is 905")
    void tooLong() {
        send("PLAIN");
        assertEquals(List.of(":irc.parley 905 * :SASL message too long\r\n"), lines(send("A".repeat(401))));
        assertFalse(sasl.inProgress());
        SaslPlain small = new SaslPlain(numerics, 500);
        small.onAuthenticate(IrcMessage.of("AUTHENTICATE", "PLAIN"), "*", false);
        small.onAuthenticate(IrcMessage.of("AUTHENTICATE", "A".repeat(400)), "*", false);
        assertEquals(List.of(":irc.parley 905 * :SASL message too long\r\n"),
                lines(small.onAuthenticate(IrcMessage.of("AUTHENTICATE", "A".repeat(400)), "*", false)));
    }

    @Test
    @DisplayName("bad payloads are 904: not base64, not UTF-8, missing parts, empty password, another authzid")
    void badPayloads() {
        for (String bad : List.of("!!!", b64("alice\0pw"), b64("\0alice\0"), b64("\0\0pw"), b64("bob\0alice\0pw"),
                b64("\0a\0b\0c"), Base64.getEncoder().encodeToString(new byte[] {0, 'a', 0, (byte) 0xFF}))) {
            SaslPlain s = new SaslPlain(numerics);
            s.onAuthenticate(IrcMessage.of("AUTHENTICATE", "PLAIN"), "*", false);
            SaslPlain.Step step = s.onAuthenticate(IrcMessage.of("AUTHENTICATE", bad), "*", false);
            assertEquals(List.of(":irc.parley 904 * :SASL authentication failed\r\n"), lines(step), bad);
        }
    }

    @Test
    @DisplayName("registration completing mid-payload aborts with 906; while the outcome is awaited it does not")
    void registrationAborts() {
        send("PLAIN");
        assertEquals(List.of(":irc.parley 906 bob :SASL authentication aborted\r\n"),
                sasl.abortForRegistration("bob").stream().map(IrcWriter::line).toList());
        send("PLAIN");
        send(b64("\0alice\0pw"));
        assertEquals(List.of(), sasl.abortForRegistration("bob"));
        assertTrue(sasl.awaitingOutcome());
    }

    @Test
    @DisplayName("already logged in by PASS or NickServ: 907; no parameter: 461; credentials never print the password")
    void misc() {
        assertEquals(List.of(":irc.parley 907 bob :You have already authenticated using SASL\r\n"),
                lines(sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE", "PLAIN"), "bob", true)));
        assertEquals(List.of(":irc.parley 461 bob AUTHENTICATE :Not enough parameters\r\n"),
                lines(sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE"), "bob", false)));
        assertFalse(new SaslPlain.Credentials("", "a", "hunter2").toString().contains("hunter2"));
    }
}
