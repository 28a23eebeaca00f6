package dev.parley.bench;

import dev.parley.protocol.Fields;
import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.Ops;

import java.nio.charset.StandardCharsets;

/**
 * Just enough reading of server frames to run a benchmark without a JSON parser on the hot path.
 * Relies on the field order {@link JsonLineEncoder} documents as its contract ("op" first, then
 * "rid" and "ok" for a reply), and on the benchmark's own message texts containing no characters
 * JSON would escape. The handshake, off the hot path, is read with the protocol's decoder instead.
 */
final class Frames {
    static final byte[] OP_MESSAGE = opPrefix(Ops.MESSAGE);
    static final byte[] OK_TRUE = ascii("\"" + Fields.OK + "\":true");
    private static final byte[] ERROR_CODE = ascii("\"" + Fields.ERROR + "\":{\"" + Fields.CODE + "\":\"");

    private Frames() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** True when the line starts with {@code {"op":"<op>"}. */
    static boolean isOp(byte[] b, int from, int to, byte[] opPrefix) {
        return startsWith(b, from, to, opPrefix);
    }

    static byte[] opPrefix(String op) {
        return ascii("{\"" + Fields.OP + "\":\"" + op + "\"");
    }

    static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) return false;
        }
        return true;
    }

    /** Index of {@code pattern} in b[from, to), or -1. */
    static int indexOf(byte[] b, int from, int to, byte[] pattern) {
        int last = to - pattern.length;
        byte first = pattern[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) continue;
            for (int j = 1; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Whether the reply within its first {@code window} bytes says ok:true (op, rid and ok come first). */
    static boolean ok(byte[] b, int from, int to) {
        return indexOf(b, from, Math.min(to, from + 200), OK_TRUE) >= 0;
    }

    /** The error code of a failed reply ({@code "error":{"code":"X",...}}), or "?" when there is none. */
    static String errorCode(byte[] b, int from, int to) {
        int at = indexOf(b, from, to, ERROR_CODE);
        if (at < 0) return "?";
        int start = at + ERROR_CODE.length;
        int end = start;
        while (end < to && b[end] != '"') end++;
        return end < to ? string(b, start, end) : "?";
    }

    static String string(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Reads the dot-separated decimal fields of a benchmark text ("<tag><run>.<a>.<b>.<c>.pad") that
     * starts at {@code pos}; fills {@code out} and returns true, or false when malformed.
     */
    static boolean readFields(byte[] b, int pos, int to, long[] out) {
        int i = pos;
        for (int f = 0; f < out.length; f++) {
            long v = 0;
            int digits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i] - '0');
                i++;
                digits++;
            }
            if (digits == 0 || i >= to || b[i] != '.') return false;
            out[f] = v;
            i++;
        }
        return true;
    }
}
