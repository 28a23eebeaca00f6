package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrcWriterTest {

    @Test
    @DisplayName("a message is one CRLF line; the last parameter gets ':' when it needs it or is text")
    void shapes() {
        assertEquals("PING\r\n", IrcWriter.line(IrcMessage.of("PING")));
        assertEquals("PONG token\r\n", IrcWriter.line(IrcMessage.of("PONG", "token")));
        assertEquals(":a!a@h JOIN #dev\r\n", IrcWriter.line(IrcMessage.from("a!a@h", "JOIN", "#dev")));
        assertEquals(":a!a@h PRIVMSG #dev :hi\r\n", IrcWriter.line(IrcMessage.from("a!a@h", "PRIVMSG", "#dev", "hi")));
        assertEquals(":s 353 bob = #dev :alice\r\n", IrcWriter.line(IrcMessage.from("s", "353", "bob", "=", "#dev", "alice")));
        assertEquals(":s 329 bob #dev 1764500000\r\n", IrcWriter.line(IrcMessage.from("s", "329", "bob", "#dev", "1764500000")));
        assertEquals(":irc.parley 001 bob :Welcome to Parley, bob\r\n",
                IrcWriter.line(IrcMessage.from("irc.parley", "001", "bob", "Welcome to Parley, bob")));
        assertEquals(":a!a@h PRIVMSG #dev :\r\n", IrcWriter.line(IrcMessage.from("a!a@h", "PRIVMSG", "#dev", "")));
        assertEquals(":a!a@h PRIVMSG #dev ::)\r\n", IrcWriter.line(IrcMessage.from("a!a@h", "PRIVMSG", "#dev", ":)")));
    }

    @Test
    @DisplayName("tag values are escaped; an empty value is written as the bare name")
    void tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", "2026-11-30T12:00:00.000Z");
        tags.put("x", "a;b c\\d\r\ne");
        tags.put("flag", "");
        assertEquals("@time=2026-11-30T12:00:00.000Z;x=a\\:b\\sc\\\\d\\r\\ne;flag :s PING\r\n",
                IrcWriter.line(new IrcMessage(tags, "s", "PING", List.of())));
    }

    @Test
    @DisplayName("CR, LF and NUL in text from another protocol become spaces; an unpaired surrogate becomes U+FFFD")
    void cleansText() {
        assertEquals(":s NOTICE bob :line one  line two x y \uFFFD!\r\n",
                IrcWriter.line(IrcMessage.from("s", "NOTICE", "bob", "line one\r\nline two\nx\0y \ud800!")));
    }

    @Test
    @DisplayName("a body over 510 bytes loses the end of its text, never half a character")
    void truncatesAtCharacterBoundary() {
        String text = "é".repeat(300); // 600 bytes
        String line = IrcWriter.line(IrcMessage.from("s", "NOTICE", "bob", text));
        String body = line.substring(0, line.length() - 2);
        // ":s NOTICE bob :" is 15 bytes: 495 bytes of room hold 247 é (494 bytes); half an é would be the 495th.
        assertEquals(":s NOTICE bob :" + "é".repeat(247), body);
        assertEquals(509, IrcText.utf8Length(body));
    }

    @Test
    @DisplayName("tags that would take the section over 8191 bytes are left out")
    void dropsTagsOverLimit() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("a", "x".repeat(8000));
        tags.put("b", "y".repeat(200));
        tags.put("c", "z");
        String line = IrcWriter.line(new IrcMessage(tags, null, "PING", List.of()));
        assertEquals("@a=" + "x".repeat(8000) + ";c=z PING\r\n", line);
    }

    @Test
    @DisplayName("a source, command or middle parameter that cannot be written is a programming error")
    void refusesUnwritable() {
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.from("a b", "PING")));
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.of("PRIV MSG")));
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.of("KICK", "#a b", "c", "r")));
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.of("KICK", "", "c", "r")));
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.of("KICK", ":x", "c", "r")));
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.of("KICK", "x\r", "c", "r")));
        assertThrows(IllegalArgumentException.class, () -> IrcWriter.line(IrcMessage.of("PING").withTag("a_b", "1")));
    }

    @Test
    @DisplayName("long text is split into pieces that each fit, at a space when one is in the second half, never inside a character")
    void splitsLongText() {
        String word = "word ";
        String text = word.repeat(200); // 1000 bytes
        List<IrcMessage> parts = IrcTextSplitter.split(IrcMessage.from("bob!bob@parley", "PRIVMSG", "#dev", text));
        assertTrue(parts.size() == 3, "3 pieces: " + parts.size());
        StringBuilder joined = new StringBuilder();
        for (IrcMessage p : parts) {
            String line = IrcWriter.line(p);
            assertTrue(IrcText.utf8Length(line) <= 512, line.length() + " bytes");
            assertTrue(p.last().endsWith(" "), "cut after a space: '" + p.last() + "'");
            assertEquals(List.of("#dev"), p.params().subList(0, 1));
            joined.append(p.last());
        }
        assertEquals(text, joined.toString());
        // ":bob!bob@parley PRIVMSG #dev :" is 30 bytes: 480 of room, so the first piece is 96 words.
        assertEquals(word.repeat(96), parts.get(0).last());
    }

    @Test
    @DisplayName("text without spaces is cut at character boundaries: emoji stay whole")
    void splitsEmoji() {
        String text = "🙂".repeat(300); // 1200 bytes, surrogate pairs
        List<IrcMessage> parts = IrcTextSplitter.split(IrcMessage.from("s", "NOTICE", "bob", text));
        StringBuilder joined = new StringBuilder();
        for (IrcMessage p : parts) {
            assertTrue(IrcText.utf8Length(IrcWriter.line(p)) <= 512);
            assertTrue(!Character.isHighSurrogate(p.last().charAt(p.last().length() - 1)));
            joined.append(p.last());
        }
        assertEquals(text, joined.toString());
        // ":s NOTICE bob :" is 15 bytes: 495 of room hold 123 emoji of 4 bytes.
        assertEquals(123 * 2, parts.get(0).last().length());
        assertEquals(List.of(IrcMessage.from("s", "NOTICE", "bob", "short")),
                IrcTextSplitter.split(IrcMessage.from("s", "NOTICE", "bob", "short")));
    }
}
