package dev.parley.protocol;

import java.util.Arrays;

/**
 * The start of a line whose LF has not arrived yet, held by a line decoder between reads. Grows by doubling up
 * to its capacity (the caller checks the bound before appending) and holds no array while empty, so an idle
 * connection costs nothing. Shared by {@link LineDecoder} and the IRC line decoder, which differ only in what
 * they do with a bad line.
 */
public final class PartialLine {
    private final int capacity;
    private byte[] bytes;
    private int length;

    public PartialLine(int capacity) {
        this.capacity = capacity;
    }

    public int length() {
        return length;
    }

    /** The last byte held; only while {@link #length()} is positive. */
    public byte last() {
        return bytes[length - 1];
    }

    /** Forgets the last byte held (a CR that turned out to be framing). */
    public void dropLast() {
        length--;
    }

    /** Holds {@code data[from, to)} after what it holds; the caller keeps the total within the capacity. */
    public void append(byte[] data, int from, int to) {
        int add = to - from;
        if (bytes == null) {
            bytes = new byte[Math.min(Math.max(add, 256), capacity)];
        } else if (length + add > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(Math.max(bytes.length * 2, length + add), capacity));
        }
        System.arraycopy(data, from, bytes, length, add);
        length += add;
    }

    /** What it holds followed by {@code data[from, to)}, as one new array; then holds nothing. */
    public byte[] takeWith(byte[] data, int from, int to) {
        byte[] line;
        if (length == 0) {
            line = Arrays.copyOfRange(data, from, to);
        } else {
            line = Arrays.copyOf(bytes, length + (to - from));
            System.arraycopy(data, from, line, length, to - from);
        }
        clear();
        return line;
    }

    public void clear() {
        bytes = null;
        length = 0;
    }

    /** Bytes allocated: never above the capacity. */
    public int heldBytes() {
        return bytes == null ? 0 : bytes.length;
    }
}
