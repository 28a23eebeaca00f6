package dev.parley.gateway;

import dev.parley.protocol.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestDecoderTest {
    private static final int MAX = 256;

    /** Records what the decoder reports, one line per finding, in order. */
    private static final class Recorder implements RequestDecoder.Sink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void request(Request r) {
            seen.add(r.op() + " " + r.fields());
        }

        @Override
        public void invalidLine(String message) {
            seen.add("invalid");
        }

        @Override
        public void badFrame(String detail) {
            seen.add("bad: " + detail);
        }

        @Override
        public void newcomer() {
            seen.add("newcomer");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] seedFrame(String body) {
        byte[] b = utf8(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(b.length >> 8);
        out.write(b.length & 0xff);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static final String SEED_LOGIN = "{\"type\":\"LoginMes\",\"data\":"
            + "\"{\\\"userId\\\":100,\\\"userPwd\\\":\\\"secret\\\",\\\"userName\\\":\\\"\\\"}\"}";

    /** Feeds {@code input} in chunks of {@code size} bytes and returns what was reported. */
    private static List<String> decode(byte[] input, int size) {
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r);
        for (int i = 0; i < input.length; i += size) {
            d.feed(Arrays.copyOfRange(input, i, Math.min(input.length, i + size)));
        }
        return r.seen;
    }

    /** Every chunk size from 1 to twice the input gives the same findings as one chunk. */
    private static List<String> decodeEveryWay(byte[] input) {
        List<String> whole = decode(input, input.length);
        for (int size = 1; size <= 2 * input.length; size++) {
            assertEquals(whole, decode(input, size), "chunks of " + size + " bytes");
        }
        return whole;
    }

    @Test
    @DisplayName("a first '{' means JSON lines: each line is a request")
    void json() {
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r);
        d.feed(utf8("{\"op\":\"ping\"}\n"));
        assertEquals(Protocol.JSON, d.protocol());
        assertEquals(List.of("ping {\"op\":\"ping\"}"), r.seen);
        assertEquals(List.of("ping {\"op\":\"ping\"}", "who {\"op\":\"who\"}"),
                decodeEveryWay(utf8("{\"op\":\"ping\"}\r\n{\"op\":\"who\"}\n")));
    }

    @Test
    @DisplayName("any other first byte means text lines: slash commands and plain text, blank lines ignored")
    void text() {
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r);
        d.feed(utf8("/who\n"));
        assertEquals(Protocol.TEXT, d.protocol());
        assertEquals(List.of("newcomer", "say {\"text\":\"hello all\"}", "who {}"),
                decodeEveryWay(utf8("hello all\n\n   \n/who\n")));
    }

    @Test
    @DisplayName("a text connection whose first line is no command is a newcomer, once, before that line; no other protocol ever is")
    void newcomer() {
        assertEquals(List.of("newcomer"), decodeEveryWay(utf8("\r\n\n")), "a bare Enter asks for the welcome");
        assertEquals(List.of("newcomer", "say {\"text\":\"hi\"}", "say {\"text\":\"again\"}"),
                decodeEveryWay(utf8("hi\nagain\n")));
        assertEquals(List.of("who {}", "say {\"text\":\"hi\"}"), decodeEveryWay(utf8("/who\nhi\n")),
                "whoever starts with a command knows the way");
        assertEquals(List.of("ping {\"op\":\"ping\"}"), decodeEveryWay(utf8("{\"op\":\"ping\"}\n")));
        assertEquals(List.of("irc.line {\"line\":\"NICK bob\"}"), decodeEveryWay(utf8("NICK bob\r\n")));
        assertEquals(1, decodeEveryWay(seedFrame(SEED_LOGIN)).size());
    }

    @Test
    @DisplayName("a first line opening with CAP/NICK/PASS/USER and a space is IRC, in any segmentation; each line one request")
    void irc() {
        assertEquals(List.of("irc.line {\"line\":\"NICK bob\"}", "irc.line {\"line\":\"USER b 0 * :B\"}"),
                decodeEveryWay(utf8("NICK bob\r\nUSER b 0 * :B\n")));
        assertEquals(List.of("irc.line {\"line\":\"CAP LS 302\"}", "irc.line {\"rejected\":\"FORBIDDEN_BYTE\"}"),
                decodeEveryWay(utf8("CAP LS 302\r\nPING a\u0000b\r\nPING never-terminated")));
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r);
        d.feed(utf8("NIC"));
        assertEquals(null, d.protocol(), "a prefix of an opener waits");
        d.feed(utf8("E is a word\n"));
        assertEquals(Protocol.TEXT, d.protocol(), "not an opener after all: the first byte decides");
        assertEquals(List.of("newcomer", "say {\"text\":\"NICE is a word\"}"), r.seen);
        assertEquals(List.of("newcomer", "say {\"text\":\"nick bob\"}"), decodeEveryWay(utf8("nick bob\n")),
                "lower case is text");
    }

    @Test
    @DisplayName("on the IRC port every connection is IRC, whatever its first line")
    void ircPort() {
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r, Protocol.IRC);
        assertEquals(Protocol.IRC, d.protocol());
        d.feed(utf8("{\"op\":\"ping\"}\r\n"));
        assertEquals(List.of("irc.line {\"line\":\"{\\\"op\\\":\\\"ping\\\"}\"}"), r.seen);
    }

    @Test
    @DisplayName("a first zero byte means seed frames, decoded in any segmentation")
    void seed() {
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r);
        d.feed(seedFrame(SEED_LOGIN));
        assertEquals(Protocol.SEED, d.protocol());
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.writeBytes(seedFrame(SEED_LOGIN));
        two.writeBytes(seedFrame(SEED_LOGIN));
        List<String> seen = decodeEveryWay(two.toByteArray());
        assertEquals(2, seen.size());
        assertEquals("login {\"user\":\"100\",\"password\":\"secret\"}", seen.get(0));
    }

    @Test
    @DisplayName("the protocol is fixed by the first byte that arrives, not by empty reads, and never changes")
    void protocolFixedOnce() {
        Recorder r = new Recorder();
        RequestDecoder d = new RequestDecoder(MAX, r);
        d.feed(new byte[0]);
        assertNull(d.protocol(), "an empty read decides nothing");
        d.feed(utf8("/"));
        d.feed(utf8("who\n{\"op\":\"ping\"}\n"));
        assertEquals(Protocol.TEXT, d.protocol());
        assertEquals(List.of("who {}", "say {\"text\":\"{\\\"op\\\":\\\"ping\\\"}\"}"), r.seen,
                "a JSON line on a text connection is text");
    }

    @Test
    @DisplayName("a malformed JSON line is reported as invalid and the next line still decodes")
    void invalidJson() {
        assertEquals(List.of("invalid", "ping {\"op\":\"ping\"}"), decodeEveryWay(utf8("{\"op\":\n{\"op\":\"ping\"}\n")));
    }

    @Test
    @DisplayName("a line over the frame limit is a bad frame naming the limit, and nothing after it is decoded")
    void oversizeLine() {
        byte[] input = utf8("x".repeat(MAX + 1) + "\n/who\n");
        List<String> seen = decodeEveryWay(input);
        assertEquals(List.of("bad: line longer than " + MAX + " bytes"), seen);
    }

    @Test
    @DisplayName("seed garbage (bad JSON, unknown type, oversize length) is a bad frame")
    void seedGarbage() {
        assertEquals(1, decodeEveryWay(seedFrame("{not json")).size());
        assertTrue(decode(seedFrame("{not json"), 1).get(0).startsWith("bad: "));
        assertTrue(decode(seedFrame("{\"type\":\"NoSuchMes\",\"data\":\"{}\"}"), 3).get(0).startsWith("bad: "));
        byte[] huge = {0, 0, 0x7f, 0x7f, '{'};
        List<String> seen = decodeEveryWay(huge);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("bad: "), seen.toString());
    }
}
