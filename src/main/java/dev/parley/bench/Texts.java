package dev.parley.bench;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Builds the benchmark's request lines: the fields it needs back travel inside the text. Hand-made, as fast as
 * string concatenation, for texts that need no JSON escaping; TextsTest checks them against the protocol's parser.
 */
final class Texts {
    private static final String SAY = "{\"" + Fields.OP + "\":\"" + Ops.SAY + "\",\"" + Fields.RID + "\":";
    private static final String MSG = "{\"" + Fields.OP + "\":\"" + Ops.MSG + "\",\"" + Fields.RID + "\":";
    private static final String JOIN = "{\"" + Fields.OP + "\":\"" + Ops.JOIN + "\",\"" + Fields.RID + "\":";
    private static final String PART = "{\"" + Fields.OP + "\":\"" + Ops.PART + "\",\"" + Fields.RID + "\":";
    private static final String ROOM = ",\"" + Fields.ROOM + "\":\"";
    private static final String TO = ",\"" + Fields.TO + "\":\"";
    private static final String TEXT = ",\"" + Fields.TEXT + "\":\"";
    private static final String END = "\"}\n";
    /** What follows the op in a reply to a request with a numeric rid (JsonLineEncoder's order). */
    private static final byte[] RID = Frames.ascii(",\"" + Fields.RID + "\":");
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
        return line(SAY + rid + TEXT + text + END);
    }

    /** A say to a named room (room names need no JSON escaping: # and [A-Za-z0-9_.-]). */
    static Buffer say(long rid, String room, String text) {
        return line(SAY + rid + ROOM + room + "\"" + TEXT + text + END);
    }

    static Buffer join(long rid, String room) {
        return line(JOIN + rid + ROOM + room + END);
    }

    static Buffer part(long rid, String room) {
        return line(PART + rid + ROOM + room + END);
    }

    static Buffer msg(long rid, String to, String text) {
        return line(MSG + rid + TO + to + "\"" + TEXT + text + END);
    }

    /** The byte pattern that starts a benchmark text of this run in a server frame. */
    static byte[] marker(char tag, int run) {
        return Frames.ascii("\"" + Fields.TEXT + "\":\"" + tag + run + ".");
    }

    /** The numeric rid of a reply ({@code {"op":"x","rid":N,...}}), or -1. */
    static long rid(byte[] b, int from, int to, int opPrefixLength) {
        int i = from + opPrefixLength;
        if (to - i <= RID.length || !Frames.startsWith(b, i, to, RID)) return -1;
        i += RID.length;
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
