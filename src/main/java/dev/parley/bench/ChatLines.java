package dev.parley.bench;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * The protocol the benchmark's users speak after login (--proto): how a room or private message is sent, how a
 * delivered one is recognised, where the benchmark text starts in it. JSON lines (Parley's own) or IRC (Parley and
 * any other IRC server). IRC has no reply to PRIVMSG: a send counts as acknowledged, and an error numeric (4xx)
 * counts as a failed send.
 */
final class ChatLines {
    private static final byte[] PRIVMSG = Frames.ascii(" PRIVMSG ");
    private static final byte[] SPACE = {' '};
    /** Where IRC's source and command are found: a line's start, after its tags (none are requested). */
    private static final int IRC_HEAD = 200;

    private final boolean irc;
    /** The IRC channel of the fan-out room; unused with JSON (the default room). */
    private final String channel;

    private ChatLines(boolean irc, String channel) {
        this.irc = irc;
        this.channel = channel;
    }

    static ChatLines of(BenchOptions o) {
        return new ChatLines(o.irc(), o.channel);
    }

    boolean irc() {
        return irc;
    }

    /** Whether a send is answered (JSON: say/msg replies); IRC sends are not. */
    boolean acknowledges() {
        return !irc;
    }

    /** A delivered room or private message. */
    boolean isMessage(byte[] b, int from, int to) {
        if (!irc) return Frames.isOp(b, from, to, Frames.OP_MESSAGE);
        return Frames.indexOf(b, from, Math.min(to, from + IRC_HEAD), PRIVMSG) >= 0;
    }

    /** An IRC error numeric (4xx) from the server: after the login only sends can cause one. */
    boolean isError(byte[] b, int from, int to) {
        if (!irc || to - from < 6 || b[from] != ':') return false;
        int space = Frames.indexOf(b, from, Math.min(to, from + IRC_HEAD), SPACE);
        return space > 0 && space + 4 < to && b[space + 1] == '4' && isDigit(b[space + 2]) && isDigit(b[space + 3]) && b[space + 4] == ' ';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** The pattern that starts a benchmark text of this run in a delivered message. */
    byte[] marker(char tag, int run) {
        return irc ? Frames.ascii(" :" + tag + run + ".") : Texts.marker(tag, run);
    }

    /** A message to a room; {@code room} null is the default room (JSON) or the fan-out channel (IRC). */
    Buffer say(long rid, String room, String text) {
        if (!irc) return room == null ? Texts.say(rid, text) : Texts.say(rid, room, text);
        return line("PRIVMSG " + (room == null ? channel : room) + " :" + text + "\r\n");
    }

    Buffer msg(long rid, String to, String text) {
        return irc ? line("PRIVMSG " + to + " :" + text + "\r\n") : Texts.msg(rid, to, text);
    }

    private static Buffer line(String s) {
        return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
    }
}
