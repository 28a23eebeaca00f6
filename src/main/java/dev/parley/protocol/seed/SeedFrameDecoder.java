package dev.parley.protocol.seed;

import java.util.Objects;

/**
 * Splits a seed-protocol byte stream into frame bodies: a 4-byte unsigned big-endian length, then that many bytes.
 *
 * <p>Incremental and bounded: input may arrive in any segmentation, a body is allocated only once its header is
 * known and within {@code maxBodyBytes}, and the first error is final (later input is ignored, the connection is
 * expected to be closed). Not thread-safe and not re-entrant: feed it from one thread, and not from inside the
 * listener.
 */
public final class SeedFrameDecoder {

    /** Receives what the decoder finds, in stream order. */
    public interface Listener {
        /** A complete body; the array is exactly the frame's size and now belongs to the listener. */
        void onFrame(byte[] body);

        /** Called at most once; nothing is reported after it. */
        void onError(SeedDecodeError error, String detail);
    }

    public static final int HEADER_BYTES = 4;

    private final int maxBodyBytes;
    private final Listener listener;
    private final byte[] header = new byte[HEADER_BYTES];
    private int headerFilled;
    private byte[] body; // null while a header is being read
    private int bodyFilled;
    private boolean failed;

    /** @param maxBodyBytes largest body accepted; bounds the memory one connection can make us hold */
    public SeedFrameDecoder(int maxBodyBytes, Listener listener) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    public void feed(byte[] chunk, int off, int len) {
        Objects.checkFromIndexSize(off, len, chunk.length);
        int pos = off;
        int end = off + len;
        while (pos < end && !failed) {
            if (body == null) {
                int n = Math.min(HEADER_BYTES - headerFilled, end - pos);
                System.arraycopy(chunk, pos, header, headerFilled, n);
                headerFilled += n;
                pos += n;
                if (headerFilled == HEADER_BYTES) {
                    startBody();
                }
            } else {
                int n = Math.min(body.length - bodyFilled, end - pos);
                System.arraycopy(chunk, pos, body, bodyFilled, n);
                bodyFilled += n;
                pos += n;
                if (bodyFilled == body.length) {
                    finishBody();
                }
            }
        }
    }

    /** True once an error was reported; the decoder then ignores all input. */
    public boolean isFailed() {
        return failed;
    }

    /** True if part of a frame has been received: a connection closing now was cut mid-frame. */
    public boolean hasPartialFrame() {
        return !failed && (headerFilled > 0 || body != null);
    }

    /** Bytes allocated for the body being read, beside the fixed header: never above maxBodyBytes (fuzz properties). */
    int heldBodyBytes() {
        return body == null ? 0 : body.length;
    }

    private void startBody() {
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16)
                | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
        if (length == 0) {
            fail(SeedDecodeError.ZERO_LENGTH, "frame length is 0");
        } else if (length > maxBodyBytes) {
            // Reported before any of the body arrives, so a hostile length costs us nothing.
            fail(SeedDecodeError.TOO_LARGE, "frame length " + length + " exceeds maximum " + maxBodyBytes);
        } else {
            body = new byte[(int) length];
            bodyFilled = 0;
        }
    }

    private void finishBody() {
        byte[] complete = body;
        body = null;
        bodyFilled = 0;
        headerFilled = 0;
        listener.onFrame(complete);
    }

    private void fail(SeedDecodeError error, String detail) {
        failed = true;
        headerFilled = 0;
        body = null;
        listener.onError(error, detail);
    }
}
