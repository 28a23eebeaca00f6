package dev.parley.bench;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/**
 * Splits a TCP stream into LF-terminated lines without copying the complete ones: the listener gets
 * the chunk's array and the line's bounds (LF excluded). Bounded: a line longer than
 * {@code maxLine} is reported as an error and the rest of it skipped.
 */
final class LineSplitter implements Handler<Buffer> {
    interface Listener {
        void onLine(byte[] bytes, int from, int to);
    }

    private final int maxLine;
    private Listener listener;
    private byte[] partial;
    private int partialLength;
    private boolean skipping;
    private long bytes;
    private long oversize;

    LineSplitter(int maxLine, Listener listener) {
        this.maxLine = maxLine;
        this.listener = listener;
    }

    void listener(Listener l) {
        this.listener = l;
    }

    /** Bytes received so far. */
    long bytes() {
        return bytes;
    }

    long oversize() {
        return oversize;
    }

    @Override
    public void handle(Buffer buffer) {
        byte[] data = buffer.getBytes();
        bytes += data.length;
        int start = 0;
        int end = data.length;
        while (start < end) {
            int lf = indexOf(data, start, end);
            if (lf < 0) {
                append(data, start, end);
                return;
            }
            if (skipping) {
                skipping = false;
            } else if (partialLength == 0) {
                listener.onLine(data, start, lf);
            } else {
                append(data, start, lf);
                if (!skipping) {
                    byte[] line = partial;
                    int len = partialLength;
                    partial = null;
                    partialLength = 0;
                    listener.onLine(line, 0, len);
                } else {
                    skipping = false;
                }
            }
            start = lf + 1;
        }
    }

    private void append(byte[] data, int from, int to) {
        if (skipping) return;
        int add = to - from;
        if (partialLength + add > maxLine) {
            oversize++;
            skipping = true;
            partial = null;
            partialLength = 0;
            return;
        }
        if (partial == null) partial = new byte[Math.max(256, add)];
        else if (partialLength + add > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + add));
        }
        System.arraycopy(data, from, partial, partialLength, add);
        partialLength += add;
    }

    private static int indexOf(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') return i;
        }
        return -1;
    }
}
