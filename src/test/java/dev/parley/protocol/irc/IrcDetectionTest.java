package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.parley.protocol.irc.IrcDetection.Verdict.IRC;
import static dev.parley.protocol.irc.IrcDetection.Verdict.NOT_IRC;
import static dev.parley.protocol.irc.IrcDetection.Verdict.UNDECIDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IrcDetectionTest {

    private static IrcDetection.Verdict classify(String s) {
        byte[] b = IrcText.utf8(s);
        return IrcDetection.classify(b, 0, b.length);
    }

    @Test
    @DisplayName("the four openers of IRC clients decide IRC; their prefixes wait; anything else is not IRC")
    void openers() {
        assertEquals(IRC, classify("CAP LS 302\r\n"));
        assertEquals(IRC, classify("NICK alice\r\n"));
        assertEquals(IRC, classify("PASS alice:pw\r\n"));
        assertEquals(IRC, classify("USER a 0 * :A\r\n"));
        assertEquals(UNDECIDED, classify(""));
        assertEquals(UNDECIDED, classify("C"));
        assertEquals(UNDECIDED, classify("NIC"));
        assertEquals(UNDECIDED, classify("PASS"));
        assertEquals(NOT_IRC, classify("{\"op\":\"ping\"}"));
        assertEquals(NOT_IRC, classify("/login alice pw"));
        assertEquals(NOT_IRC, classify("nick alice"));
        assertEquals(NOT_IRC, classify("CAPTAIN"));
        assertEquals(NOT_IRC, classify("\0\0\0\5"));
    }

    @Test
    @DisplayName("a decision holds whatever follows: every prefix of an IRC opening is UNDECIDED or IRC")
    void monotonic() {
        String line = "USER alice 0 * :Alice\r\n";
        byte[] b = IrcText.utf8(line);
        boolean decided = false;
        for (int n = 0; n <= b.length; n++) {
            IrcDetection.Verdict v = IrcDetection.classify(b, 0, n);
            if (decided) assertEquals(IRC, v, "after " + n + " bytes");
            decided |= v == IRC;
            assertEquals(n < 5 ? UNDECIDED : IRC, v, "after " + n + " bytes");
        }
    }
}
