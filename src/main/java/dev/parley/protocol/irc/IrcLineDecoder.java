package dev.parley.protocol.irc;

import dev.parley.protocol.PartialLine;

/**
 * Splits a client's byte stream into lines: LF ends a line and a CR just before it is dropped (CR LF and bare LF
 * both work), empty lines are skipped. Incremental: input may arrive in any segmentation. Unlike Parley's own line
 * decoder it survives bad input, because IRC answers a bad line and carries on:
 * <ul>
 * <li>a line longer than {@code maxLineBytes} (CR LF not counted) is reported once as {@link Rejection#TOO_LONG}
 * (the integration answers 417 ERR_INPUTTOOLONG) as soon as it is known to be too long, and everything up to the
 * next LF is dropped without being held;</li>
 * <li>a line with a NUL, or a CR that is not just before the LF, is reported as {@link Rejection#FORBIDDEN_BYTE}.</li>
 * </ul>
 * Memory: at most {@code maxLineBytes + 1} bytes are ever held, whatever the input.
 */
public final class IrcLineDecoder {

    public enum Rejection {
        TOO_LONG,
        FORBIDDEN_BYTE
    }

    public interface Listener {
        /** A complete line, without CR LF, not empty, at most maxLineBytes, without NUL or CR. */
        void onLine(byte[] line);

        void onRejected(Rejection rejection);
    }

    private final int maxLineBytes;
    private final Listener listener;
    /** The partial line between reads (+1 for the CR of a CR LF whose LF has not arrived yet). */
    private final PartialLine partial;
    /** True from the moment a line is known to be too long until its LF. */
    private boolean skipping;

    public IrcLineDecoder(Listener listener) {
        this(IrcLimits.MAX_CLIENT_LINE, listener);
    }

    public IrcLineDecoder(int maxLineBytes, Listener listener) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive");
        this.maxLineBytes = maxLineBytes;
        this.listener = listener;
        this.partial = new PartialLine(maxLineBytes + 1);
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int offset, int length) {
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int lf = indexOfLf(data, start, end);
            if (lf < 0) {
                append(data, start, end);
                return;
            }
            if (skipping) {
                skipping = false;
            } else {
                complete(data, start, lf);
            }
            start = lf + 1;
        }
    }

    /** Bytes allocated for the partial line: never above maxLineBytes + 1. */
    public int heldBytes() {
        return partial.heldBytes();
    }

    private void complete(byte[] data, int from, int lf) {
        int to = lf;
        int total = partial.length() + (to - from);
        // The CR of CR LF is framing; it may be the last byte of the partial line or of this chunk.
        if (total > 0 && (to > from ? data[to - 1] : partial.last()) == '\r') {
            total--;
            if (to > from) to--;
            else partial.dropLast();
        }
        if (total > maxLineBytes) {
            partial.clear();
            listener.onRejected(Rejection.TOO_LONG);
            return;
        }
        byte[] line = partial.takeWith(data, from, to);
        if (line.length == 0) return;
        for (byte b : line) {
            if (b == 0 || b == '\r') {
                listener.onRejected(Rejection.FORBIDDEN_BYTE);
                return;
            }
        }
        listener.onLine(line);
    }

    private void append(byte[] data, int from, int to) {
        if (skipping) return;
        int add = to - from;
        // +1 holds the CR of a CR LF whose LF has not arrived yet.
        boolean tooLong = partial.length() + add > maxLineBytes + 1
                || (partial.length() + add == maxLineBytes + 1 && data[to - 1] != '\r');
        if (tooLong) {
            partial.clear();
            skipping = true;
            listener.onRejected(Rejection.TOO_LONG);
            return;
        }
        partial.append(data, from, to);
    }

    private static int indexOfLf(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') return i;
        }
        return -1;
    }
}
