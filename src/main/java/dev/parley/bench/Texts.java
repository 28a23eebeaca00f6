package dev.parley.bench;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/** Builds the benchmark's request lines: the fields it needs back travel inside the text. */
final class Texts {
    private Texts() {
    }

    /** "<tag><run>.<a>.<b>.<c>." padded with 'x' to {@code size} characters. */
    static String text(char tag, int run, long a, long b, long c, int size) {
        StringBuilder s = new StringBuilder(size + 16).append(tag).append(run).append('.')
                .append(a).append('.').append(b).append('.').append(c).append('.');
        while (s.length() < size) s.append('x');
        return s.toString();
    }

    static Buffer say(long rid, String text) {
        return line("{\"op\":\"say\",\"rid\":" + rid + ",\"text\":\"" + text + "\"}\n");
    }

    static Buffer msg(long rid, String to, String text) {
        return line("{\"op\":\"msg\",\"rid\":" + rid + ",\"to\":\"" + to + "\",\"text\":\"" + text + "\"}\n");
    }

    /** The byte pattern that starts a benchmark text of this run in a server frame. */
    static byte[] marker(char tag, int run) {
        return Frames.ascii("\"text\":\"" + tag + run + ".");
    }

    /** The numeric rid of a reply ({@code {"op":"x","rid":N,...}}), or -1. */
    static long rid(byte[] b, int from, int to, int opPrefixLength) {
        int i = from + opPrefixLength;
        if (to - i < 8 || b[i] != ',' || b[i + 1] != '"' || b[i + 2] != 'r' || b[i + 3] != 'i' || b[i + 4] != 'd') return -1;
        i += 7;
        long v = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    private static Buffer line(String s) {
        return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
    }
}
