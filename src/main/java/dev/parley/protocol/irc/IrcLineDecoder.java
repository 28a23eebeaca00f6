package dev.parley.protocol.irc;

import java.util.Arrays;

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
    /** The partial line between reads; null while idle so idle connections cost nothing. */
    private byte[] partial;
    private int partialLength;
    /** True from the moment a line is known to be too long until its LF. */
    private boolean skipping;

    public IrcLineDecoder(Listener listener) {
        this(IrcLimits.MAX_CLIENT_LINE, listener);
    }

    public IrcLineDecoder(int maxLineBytes, Listener listener) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive");
        this.maxLineBytes = maxLineBytes;
        this.listener = listener;
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
        return partial == null ? 0 : partial.length;
    }

    private void complete(byte[] data, int from, int lf) {
        int to = lf;
        int total = partialLength + (to - from);
        // The CR of CR LF is framing; it may be the last byte of the partial line or of this chunk.
        if (total > 0 && (to > from ? data[to - 1] : partial[partialLength - 1]) == '\r') {
            total--;
            if (to > from) to--;
            else partialLength--;
        }
        if (total > maxLineBytes) {
            reset();
            listener.onRejected(Rejection.TOO_LONG);
            return;
        }
        byte[] line;
        if (partialLength == 0) {
            line = Arrays.copyOfRange(data, from, to);
        } else {
            line = Arrays.copyOf(partial, total);
            System.arraycopy(data, from, line, partialLength, to - from);
        }
        reset();
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
        boolean tooLong = partialLength + add > maxLineBytes + 1
                || (partialLength + add == maxLineBytes + 1 && data[to - 1] != '\r');
        if (tooLong) {
            reset();
            skipping = true;
            listener.onRejected(Rejection.TOO_LONG);
            return;
        }
        if (partial == null) {
            partial = new byte[Math.min(Math.max(add, 256), maxLineBytes + 1)];
        } else if (partialLength + add > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(Math.max(partial.length * 2, partialLength + add), maxLineBytes + 1));
        }
        System.arraycopy(data, from, partial, partialLength, add);
        partialLength += add;
    }

    private void reset() {
        partial = null;
        partialLength = 0;
    }

    private static int indexOfLf(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') return i;
        }
        return -1;
    }
}
