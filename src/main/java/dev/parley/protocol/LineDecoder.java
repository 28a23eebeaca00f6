package dev.parley.protocol;

import java.util.Arrays;

/**
 * Splits a byte stream into LF-terminated lines (a CR before the LF is dropped), bounded by
 * {@code maxLineBytes}. Incremental: input may arrive in any segmentation. Once a line is
 * too long the decoder reports it and ignores everything after: the connection is about to close.
 */
public final class LineDecoder {

    public interface Listener {
        void onLine(byte[] line);

        void onOversize();
    }

    private final int maxLineBytes;
    private final Listener listener;
    /**
     * A partial line between reads (+1 for the CR of a CR LF whose LF has not arrived yet); null while there is
     * none, so an idle connection holds no object here (made again for the next line split across reads).
     */
    private PartialLine partial;
    private boolean failed;

    public LineDecoder(int maxLineBytes, Listener listener) {
        this.maxLineBytes = maxLineBytes;
        this.listener = listener;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int offset, int length) {
        int end = offset + length;
        int start = offset;
        while (!failed && start < end) {
            int lf = indexOf(data, start, end);
            if (lf < 0) {
                append(data, start, end);
                return;
            }
            emit(data, start, lf);
            start = lf + 1;
        }
    }

    public boolean failed() {
        return failed;
    }

    /** Bytes allocated for the partial line: never above maxLineBytes + 1 (checked by the fuzz properties). */
    int heldBytes() {
        return partial == null ? 0 : partial.heldBytes();
    }

    private void emit(byte[] data, int from, int lf) {
        byte[] line;
        if (partial == null) {
            line = Arrays.copyOfRange(data, from, lf);
        } else {
            line = partial.takeWith(data, from, lf);
            partial = null;
        }
        int len = line.length;
        if (len > 0 && line[len - 1] == '\r') {
            line = Arrays.copyOf(line, len - 1);
        }
        // The limit counts the line's content; CR and LF are framing.
        if (line.length > maxLineBytes) {
            fail();
            return;
        }
        listener.onLine(line);
    }

    private void append(byte[] data, int from, int to) {
        int add = to - from;
        // +1 tolerates the CR of a CRLF pair arriving before its LF.
        if ((partial == null ? 0 : partial.length()) + add > maxLineBytes + 1) {
            fail();
            return;
        }
        if (partial == null) partial = new PartialLine(maxLineBytes + 1);
        partial.append(data, from, to);
    }

    private void fail() {
        failed = true;
        partial = null;
        listener.onOversize();
    }

    private static int indexOf(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') return i;
        }
        return -1;
    }
}
