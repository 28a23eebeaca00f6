package dev.parley.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineDecoderTest {
    private final List<String> lines = new ArrayList<>();
    private int oversize;

    private LineDecoder decoder(int max) {
        return new LineDecoder(max, new LineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                lines.add(new String(line, StandardCharsets.UTF_8));
            }

            @Override
            public void onOversize() {
                oversize++;
            }
        });
    }

    private static final String INPUT = "{\"op\":\"say\",\"text\":\"héllo\"}\r\nsecond line\n\nthird 🎉\n";
    private static final List<String> EXPECTED = List.of("{\"op\":\"say\",\"text\":\"héllo\"}", "second line", "", "third 🎉");

    @Test
    @DisplayName("byte by byte, lines come out whole, CRLF and LF both end a line")
    void byteByByte() {
        LineDecoder d = decoder(100);
        for (byte b : INPUT.getBytes(StandardCharsets.UTF_8)) d.feed(new byte[]{b});
        assertEquals(EXPECTED, lines);
    }

    @Test
    @DisplayName("every chunk size from 1 to twice the input gives the same lines")
    void everyChunkSize() {
        byte[] in = INPUT.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= in.length * 2; size++) {
            lines.clear();
            LineDecoder d = decoder(100);
            for (int off = 0; off < in.length; off += size) d.feed(in, off, Math.min(size, in.length - off));
            assertEquals(EXPECTED, lines, "chunk size " + size);
        }
    }

    @Test
    @DisplayName("random chunking of many lines keeps every line")
    void randomChunks() {
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Random r = new Random(42);
        for (int i = 0; i < 500; i++) {
            String l = "line " + i + " " + "x".repeat(r.nextInt(50));
            expected.add(l);
            sb.append(l).append(r.nextBoolean() ? "\n" : "\r\n");
        }
        byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
        LineDecoder d = decoder(100);
        for (int off = 0; off < in.length; ) {
            int n = Math.min(1 + r.nextInt(300), in.length - off);
            d.feed(in, off, n);
            off += n;
        }
        assertEquals(expected, lines);
    }

    @Test
    @DisplayName("a line of exactly the maximum passes; one byte more fails once and stops decoding")
    void oversize() {
        LineDecoder d = decoder(10);
        d.feed("0123456789\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("0123456789"), lines);
        d.feed("0123456789A\nnext\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, oversize);
        assertTrue(d.failed());
        assertEquals(List.of("0123456789"), lines, "nothing after the oversized line");
    }

    @Test
    @DisplayName("an endless line without a newline fails as soon as it passes the bound, without buffering it")
    void endlessLine() {
        LineDecoder d = decoder(1000);
        byte[] chunk = new byte[64];
        java.util.Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < 100 && !d.failed(); i++) d.feed(chunk);
        assertEquals(1, oversize);
        assertTrue(lines.isEmpty());
    }

    @Test
    @DisplayName("CR-terminated content within the limit is not counted against it")
    void crlfAtLimit() {
        LineDecoder d = decoder(4);
        d.feed("abcd\r".getBytes(StandardCharsets.UTF_8));
        d.feed("\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("abcd"), lines);
        assertFalse(d.failed());
    }
}
