package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrcLineDecoderTest {
    private final List<String> out = new ArrayList<>();

    private IrcLineDecoder decoder(int max) {
        return new IrcLineDecoder(max, new IrcLineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                out.add(new String(line, StandardCharsets.UTF_8));
            }

            @Override
            public void onRejected(IrcLineDecoder.Rejection rejection) {
                out.add("<" + rejection + ">");
            }
        });
    }

    private static final String INPUT = "CAP LS 302\r\nNICK bob\nUSER bob 0 * :Bob\r\n\r\n\nPRIVMSG #dev :héllo 🎉\r\n";
    private static final List<String> EXPECTED = List.of("CAP LS 302", "NICK bob", "USER bob 0 * :Bob", "PRIVMSG #dev :héllo 🎉");

    @Test
    @DisplayName("every chunk size from 1 to twice the input gives the same lines; CRLF and LF both end a line, empty lines are skipped")
    void everyChunkSize() {
        byte[] in = INPUT.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= in.length * 2; size++) {
            out.clear();
            IrcLineDecoder d = decoder(100);
            for (int off = 0; off < in.length; off += size) d.feed(in, off, Math.min(size, in.length - off));
            assertEquals(EXPECTED, out, "chunk size " + size);
            assertEquals(0, d.heldBytes());
        }
    }

    @Test
    @DisplayName("a line over the limit is rejected once, as soon as it is known, and the decoder carries on after its LF")
    void tooLongThenResynchronises() {
        IrcLineDecoder d = decoder(10);
        d.feed("PRIVMSG #a".getBytes(StandardCharsets.UTF_8)); // 10 bytes: still fine
        assertEquals(List.of(), out);
        d.feed("xx".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("<TOO_LONG>"), out);
        assertEquals(0, d.heldBytes());
        for (int i = 0; i < 1000; i++) d.feed("yyyyyyyyyy".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, d.heldBytes(), "nothing of the long line is held");
        d.feed("zz\r\nPING x\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("<TOO_LONG>", "PING x"), out);
    }

    @Test
    @DisplayName("exactly the limit passes with CRLF, LF, or a CR that arrives before its LF; one more byte is too long")
    void limitBoundary() {
        IrcLineDecoder d = decoder(5);
        d.feed("abcde\r\nabcde\nabcde\r".getBytes(StandardCharsets.UTF_8));
        d.feed("\nabcdef\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("abcde", "abcde", "abcde", "<TOO_LONG>"), out);
        assertTrue(d.heldBytes() == 0);
    }

    @Test
    @DisplayName("a NUL or a stray CR rejects its line only")
    void forbiddenBytes() {
        IrcLineDecoder d = decoder(100);
        d.feed("PRIVMSG #a :x\0y\r\nPRIVMSG #a :x\ry\r\nPING ok\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("<FORBIDDEN_BYTE>", "<FORBIDDEN_BYTE>", "PING ok"), out);
    }

    @Test
    @DisplayName("the shipped limit is a 4094-byte tag section with '@' and space, plus 510 bytes of body")
    void shippedLimit() {
        assertEquals(4606, IrcLimits.MAX_CLIENT_LINE);
        IrcLineDecoder d = new IrcLineDecoder(new IrcLineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                out.add("line " + line.length);
            }

            @Override
            public void onRejected(IrcLineDecoder.Rejection rejection) {
                out.add("<" + rejection + ">");
            }
        });
        d.feed(("x".repeat(4606) + "\r\n" + "x".repeat(4607) + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("line 4606", "<TOO_LONG>"), out);
    }
}
