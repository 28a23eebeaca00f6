package dev.parley.protocol.irc;

import dev.parley.protocol.irc.IrcParseException.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IrcParserTest {
    private final IrcParser parser = IrcParser.forClients();

    private IrcMessage parse(String line) throws IrcParseException {
        return parser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private Problem problem(String line) {
        return assertThrows(IrcParseException.class, () -> parse(line)).problem();
    }

    @Test
    @DisplayName("tags, source, command, middle and trailing parameters")
    void fullMessage() throws Exception {
        IrcMessage m = parse("@time=2026-11-30T12:00:00.000Z;+draft/reply=abc;flag :bob!bob@parley PRIVMSG #dev :hello there");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", "2026-11-30T12:00:00.000Z");
        tags.put("+draft/reply", "abc");
        tags.put("flag", "");
        assertEquals(new IrcMessage(tags, "bob!bob@parley", "PRIVMSG", List.of("#dev", "hello there")), m);
    }

    @Test
    @DisplayName("a lower-case command is upper-cased; several and trailing spaces separate nothing")
    void tolerantSpacing() throws Exception {
        assertEquals(IrcMessage.of("USER", "alice", "0", "*", "Alice A"), parse("user  alice 0   * :Alice A"));
        assertEquals(IrcMessage.of("JOIN", "#dev"), parse("JOIN #dev   "));
        assertEquals(IrcMessage.of("PING"), parse("PING"));
        assertEquals(IrcMessage.of("PRIVMSG", "#a", ""), parse("PRIVMSG #a :"));
        assertEquals(IrcMessage.of("PRIVMSG", "#a", ":-)"), parse("PRIVMSG #a ::-)"));
    }

    @Test
    @DisplayName("a three-digit numeric is a command; other mixes of digits and letters are not")
    void commands() throws Exception {
        assertEquals(IrcMessage.from("irc.example", "001", "alice", "Welcome"), parse(":irc.example 001 alice Welcome"));
        assertEquals(Problem.BAD_COMMAND, problem("12 x"));
        assertEquals(Problem.BAD_COMMAND, problem("1234 x"));
        assertEquals(Problem.BAD_COMMAND, problem("PRIV1 x"));
        assertEquals(Problem.BAD_COMMAND, problem("ÉTÉ x"));
        assertEquals(Problem.NO_COMMAND, problem(":source"));
        assertEquals(Problem.NO_COMMAND, problem(":source   "));
        assertEquals(Problem.NO_COMMAND, problem(": PRIVMSG"));
        assertEquals(Problem.NO_COMMAND, problem("@a=b"));
        assertEquals(Problem.NO_COMMAND, problem("@a=b "));
    }

    @Test
    @DisplayName("a blank line is nothing to do")
    void blank() throws Exception {
        assertNull(parse(""));
        assertNull(parse("   "));
    }

    @Test
    @DisplayName("tag values are unescaped: \\: \\s \\\\ \\r \\n, an unknown escape is the character, a final backslash is dropped")
    void tagEscapes() throws Exception {
        IrcMessage m = parse("@a=x\\:y\\sz\\\\w\\r\\n;b=\\q\\;c=end\\ CMD");
        assertEquals(Map.of("a", "x;y z\\w\r\n", "b", "q", "c", "end"), m.tags());
        assertEquals("CMD", m.command());
    }

    @Test
    @DisplayName("a repeated tag keeps its last value; '=' with nothing after is an empty value")
    void repeatedTags() throws Exception {
        assertEquals(Map.of("a", "2", "b", ""), parse("@a=1;b=;a=2 PING").tags());
    }

    @Test
    @DisplayName("bad tag names and an empty tag section are refused")
    void badTags() {
        assertEquals(Problem.BAD_TAGS, problem("@ PING"));
        assertEquals(Problem.BAD_TAGS, problem("@a;;b PING"));
        assertEquals(Problem.BAD_TAGS, problem("@=x PING"));
        assertEquals(Problem.BAD_TAGS, problem("@a_b=1 PING"));
        assertEquals(Problem.BAD_TAGS, problem("@++a PING"));
    }

    @Test
    @DisplayName("more than 15 parameters: the 15th is the rest of the line")
    void fifteenParameters() throws Exception {
        IrcMessage m = parse("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 :17");
        assertEquals(15, m.params().size());
        assertEquals("15 16 :17", m.param(14));
    }

    @Test
    @DisplayName("a body of 510 bytes passes, 511 is too long; a client's tags section may be 4096 bytes, not 4097")
    void sizes() throws Exception {
        String body510 = "PRIVMSG #a :" + "x".repeat(510 - 12);
        assertEquals(498, parse(body510).last().length());
        assertEquals(Problem.TOO_LONG, problem(body510 + "y"));
        String tags4096 = "@a=" + "v".repeat(4096 - 4) + " ";
        assertEquals(4092, parse(tags4096 + body510).tags().get("a").length());
        assertEquals(Problem.TOO_LONG, problem("@a=" + "v".repeat(4096 - 3) + " PING"));
    }

    @Test
    @DisplayName("NUL, CR or LF inside the line are refused")
    void forbidden() {
        assertEquals(Problem.FORBIDDEN_CHARACTER, problem("PRIVMSG #a :x\0y"));
        assertEquals(Problem.FORBIDDEN_CHARACTER, problem("PRIVMSG #a :x\ry"));
        assertEquals(Problem.FORBIDDEN_CHARACTER, problem("PRIVMSG #a :x\ny"));
    }

    @Test
    @DisplayName("invalid UTF-8 is read as U+FFFD, never refused")
    void invalidUtf8() throws Exception {
        byte[] line = {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'a', ' ', ':', (byte) 0xC3, 'x', (byte) 0xFF};
        assertEquals(List.of("#a", "\uFFFDx\uFFFD"), parser.parse(line).params());
    }
}
