package dev.parley.protocol;

/**
 * Makes text that came from a client safe to show as part of one terminal line (text and seed
 * output). A message is one line: anything that could break it, move the cursor, recolour the
 * screen or reorder what is shown is replaced, so a user cannot forge lines that look like the
 * server's. Each such character becomes U+FFFD (a visible "�"); a tab becomes a space. An escape
 * sequence therefore arrives as harmless printable text, e.g. ESC [ 2 J as "�[2J".
 * JSON output does not go through here: it carries the exact text, with controls escaped by JSON.
 */
public final class DisplayText {
    public static final char REPLACEMENT = '\uFFFD';

    private DisplayText() {
    }

    /** The text with every unsafe character replaced; the same instance when there is none (the common case). */
    public static String oneLine(String text) {
        if (text == null) return null;
        int first = firstUnsafe(text);
        if (first < 0) return text;
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\t' ? ' ' : unsafe(c) ? REPLACEMENT : c);
        }
        return out.toString();
    }

    /**
     * C0 controls (CR, LF, ESC, BEL, ...), DEL, C1 controls (U+0085 is a line break to some terminals,
     * U+009B is a one-byte CSI), the Unicode line and paragraph separators, and the bidi embeddings,
     * overrides and isolates (they can make a line display in a different order than it was sent).
     */
    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) return i;
        }
        return -1;
    }
}
