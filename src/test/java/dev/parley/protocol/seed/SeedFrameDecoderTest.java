package dev.parley.protocol.seed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedFrameDecoderTest {

    private static final int MAX = 1024;

    private final Recorder recorder = new Recorder();
    private final SeedFrameDecoder decoder = new SeedFrameDecoder(MAX, recorder);

    /** Three frames of different sizes, including one whose body is exactly the maximum. */
    private static final List<byte[]> BODIES = List.of(
            "{\"type\":\"a\"}".getBytes(StandardCharsets.UTF_8),
            "x".getBytes(StandardCharsets.UTF_8),
            filled(MAX, (byte) 'z'),
            "{\"content\":\"你好 🙂\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    @DisplayName("frames fed one byte at a time come out whole and in order")
    void byteByByte() {
        byte[] input = frames(BODIES);
        for (byte b : input) {
            decoder.feed(new byte[] {b});
        }
        recorder.assertFrames(BODIES);
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    @DisplayName("every chunk size from 1 to twice the input yields the same frames")
    void everyChunkSize() {
        byte[] input = frames(BODIES);
        for (int size = 1; size <= 2 * input.length; size++) {
            Recorder r = new Recorder();
            SeedFrameDecoder d = new SeedFrameDecoder(MAX, r);
            for (int off = 0; off < input.length; off += size) {
                d.feed(input, off, Math.min(size, input.length - off));
            }
            r.assertFrames(BODIES);
        }
    }

    @Test
    @DisplayName("random chunking (fixed seed) yields the same frames")
    void randomChunks() {
        byte[] input = frames(BODIES);
        Random random = new Random(20240607L);
        for (int round = 0; round < 500; round++) {
            Recorder r = new Recorder();
            SeedFrameDecoder d = new SeedFrameDecoder(MAX, r);
            int off = 0;
            while (off < input.length) {
                int n = Math.min(random.nextInt(40), input.length - off); // includes empty chunks
                d.feed(Arrays.copyOfRange(input, off, off + n));
                off += n;
            }
            r.assertFrames(BODIES);
        }
    }

    @Test
    @DisplayName("a body split across many reads is assembled, and only the complete body is reported")
    void bodyAcrossManyReads() {
        byte[] body = new byte[MAX];
        new Random(7).nextBytes(body);
        byte[] input = frames(List.of(body));
        decoder.feed(input, 0, 3);
        assertTrue(decoder.hasPartialFrame());
        for (int off = 3; off < input.length - 1; off += 7) {
            decoder.feed(input, off, Math.min(7, input.length - 1 - off));
        }
        assertTrue(recorder.frames.isEmpty());
        assertTrue(decoder.hasPartialFrame());
        decoder.feed(input, input.length - 1, 1);
        recorder.assertFrames(List.of(body));
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    @DisplayName("a zero length is an error, and everything after it is ignored")
    void zeroLength() {
        byte[] input = concat(new byte[4], frames(List.of("ok".getBytes(StandardCharsets.UTF_8))));
        decoder.feed(input);
        assertEquals(List.of(SeedDecodeError.ZERO_LENGTH), recorder.errors);
        assertTrue(recorder.frames.isEmpty());
        assertTrue(decoder.isFailed());
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    @DisplayName("frames before an error are still delivered")
    void framesBeforeError() {
        byte[] good = "ok".getBytes(StandardCharsets.UTF_8);
        decoder.feed(concat(frames(List.of(good)), new byte[4], frames(List.of(good))));
        assertEquals(1, recorder.frames.size());
        assertArrayEquals(good, recorder.frames.get(0));
        assertEquals(List.of(SeedDecodeError.ZERO_LENGTH), recorder.errors);
    }

    @Test
    @DisplayName("a length above the maximum is an error as soon as the header is complete")
    void oversizedLength() {
        decoder.feed(header(MAX + 1));
        assertEquals(List.of(SeedDecodeError.TOO_LARGE), recorder.errors);
        assertTrue(recorder.details.get(0).contains(String.valueOf(MAX + 1)), recorder.details.get(0));
        decoder.feed(new byte[MAX + 1]);
        decoder.feed(frames(List.of("late".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, recorder.errors.size());
        assertTrue(recorder.frames.isEmpty());
    }

    @Test
    @DisplayName("the length is unsigned: ff ff ff ff is 4294967295, not -1")
    void unsignedLength() {
        decoder.feed(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertEquals(List.of(SeedDecodeError.TOO_LARGE), recorder.errors);
        assertTrue(recorder.details.get(0).contains("4294967295"), recorder.details.get(0));
    }

    @Test
    @DisplayName("an HTTP request line is rejected as an absurd length")
    void httpGarbage() {
        decoder.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(SeedDecodeError.TOO_LARGE), recorder.errors);
        assertTrue(recorder.frames.isEmpty());
    }

    @Test
    @DisplayName("random garbage never throws, reports at most one error and never a frame above the maximum")
    void randomGarbage() {
        Random random = new Random(99);
        for (int round = 0; round < 200; round++) {
            Recorder r = new Recorder();
            SeedFrameDecoder d = new SeedFrameDecoder(64, r);
            byte[] garbage = new byte[random.nextInt(2000)];
            random.nextBytes(garbage);
            // Small leading bytes make plausible lengths, so some garbage decodes into frames first.
            if (garbage.length > 4 && random.nextBoolean()) {
                garbage[0] = 0;
                garbage[1] = 0;
                garbage[2] = 0;
            }
            int off = 0;
            while (off < garbage.length) {
                int n = Math.min(1 + random.nextInt(50), garbage.length - off);
                d.feed(garbage, off, n);
                off += n;
            }
            assertTrue(r.errors.size() <= 1);
            assertTrue(r.frames.stream().allMatch(f -> f.length >= 1 && f.length <= 64));
        }
    }

    @Test
    @DisplayName("feed honours offset and length and rejects bad bounds")
    void offsetAndLength() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] padded = concat("junk".getBytes(StandardCharsets.US_ASCII), frames(List.of(body)), new byte[] {9, 9});
        decoder.feed(padded, 4, 4 + body.length);
        recorder.assertFrames(List.of(body));
        decoder.feed(padded, padded.length, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.feed(padded, padded.length - 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.feed(padded, -1, 1));
    }

    @Test
    @DisplayName("the maximum must be positive")
    void positiveMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new SeedFrameDecoder(0, recorder));
    }

    static byte[] header(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    static byte[] frames(List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            out.writeBytes(header(body.length));
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static final class Recorder implements SeedFrameDecoder.Listener {
        final List<byte[]> frames = new ArrayList<>();
        final List<SeedDecodeError> errors = new ArrayList<>();
        final List<String> details = new ArrayList<>();

        @Override
        public void onFrame(byte[] body) {
            frames.add(body);
        }

        @Override
        public void onError(SeedDecodeError error, String detail) {
            errors.add(error);
            details.add(detail);
        }

        void assertFrames(List<byte[]> expected) {
            assertEquals(List.of(), errors);
            assertEquals(expected.size(), frames.size(), "frame count");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), frames.get(i), "frame " + i);
            }
        }
    }
}
