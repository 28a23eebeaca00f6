package dev.parley.protocol.irc;

import java.nio.charset.StandardCharsets;

/** Text rules shared by the parser and the writer: what may appear inside a line, and UTF-8 sizes. */
public final class IrcText {

    private IrcText() {
    }

    /**
     * Text from anywhere (another protocol, a store) made safe for one line: CR, LF and NUL end or break a line, so
     * each becomes a space; an unpaired surrogate cannot be encoded, so it becomes U+FFFD. Everything else is kept,
     * IRC formatting codes included.
     */
    public static String clean(String text) {
        return clean(text, false);
    }

    /** Tag values may carry CR and LF (they are escaped); only NUL and unpaired surrogates are replaced. */
    public static String cleanTagValue(String value) {
        return clean(value, true);
    }

    private static String clean(String text, boolean keepLineBreaks) {
        if (text == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c;
            if (c == '\0' || (!keepLineBreaks && (c == '\r' || c == '\n'))) {
                replacement = ' ';
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (sb != null) sb.append(c).append(text.charAt(i + 1));
                    i++;
                    continue;
                }
                replacement = '\uFFFD';
            } else if (Character.isLowSurrogate(c)) {
                replacement = '\uFFFD';
            }
            if (replacement != c && sb == null) sb = new StringBuilder(text.length()).append(text, 0, i);
            if (sb != null) sb.append(replacement);
        }
        return sb == null ? text : sb.toString();
    }

    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
