package dev.parley.protocol.irc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an {@link IrcMessage} as exactly one line ending in CR LF. The last parameter is written after ':' when
 * it must be (empty, a space, a leading ':') and whenever it is text (PRIVMSG, NOTICE, numerics...). Text is {@link IrcText#clean cleaned} (no CR,
 * LF or NUL can end up inside the line); tag values are escaped; tags that would take the tags section over 8191
 * bytes are left out, last ones first; a body over 510 bytes has its last parameter cut at a character boundary
 * (split long text beforehand with {@link IrcTextSplitter} so nothing is lost). A source, command or middle
 * parameter that cannot be written (empty, or containing a space, CR, LF or NUL) is a programming error:
 * IllegalArgumentException.
 */
public final class IrcWriter {
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z]+|[0-9]{3}");
    /**
     * Commands whose last parameter is text: it is always written after ':' (as servers do), because naive
     * clients and bots read the text from the first " :" rather than parsing parameters.
     */
    private static final Set<String> TEXT_LAST = Set.of("PRIVMSG", "NOTICE", "TOPIC", "PART", "QUIT", "KICK",
            "AWAY", "ERROR", "CAP", "FAIL", "WARN", "NOTE", "REGISTER");
    /** Numerics whose last parameter is a word or number, not text; every other numeric ends in text. */
    private static final Set<String> NUMERICS_WITHOUT_TEXT = Set.of("004", "221", "324", "329", "333", "341", "367");

    private IrcWriter() {
    }

    /** The line as UTF-8 bytes, CR LF included. */
    public static byte[] write(IrcMessage m) {
        return line(m).getBytes(StandardCharsets.UTF_8);
    }

    /** The line as text, CR LF included. */
    public static String line(IrcMessage m) {
        StringBuilder sb = new StringBuilder(128);
        appendTags(sb, m.tags());
        int bodyStart = sb.length();
        String prefix = body(m, true);
        String last = m.params().isEmpty() ? null : IrcText.clean(m.last());
        if (last == null) {
            sb.append(prefix);
        } else {
            boolean colon = last.isEmpty() || last.indexOf(' ') >= 0 || last.charAt(0) == ':' || textLast(m);
            String head = prefix + (colon ? " :" : " ");
            int room = IrcLimits.MAX_BODY - IrcText.utf8Length(head);
            if (room < 0) throw new IllegalArgumentException("the message does not fit in 512 bytes without its text");
            sb.append(head).append(truncate(last, room));
        }
        assert IrcText.utf8Length(sb.substring(bodyStart)) <= IrcLimits.MAX_BODY;
        return sb.append("\r\n").toString();
    }

    private static boolean textLast(IrcMessage m) {
        String c = m.command();
        if (Character.isDigit(c.charAt(0))) return !NUMERICS_WITHOUT_TEXT.contains(c);
        return TEXT_LAST.contains(c);
    }

    /** Source, command and every parameter but the last, checked. */
    static String body(IrcMessage m, boolean withoutLast) {
        StringBuilder sb = new StringBuilder();
        if (m.source() != null) {
            String source = m.source();
            if (source.isEmpty() || !isToken(source)) throw new IllegalArgumentException("bad source: " + source);
            sb.append(':').append(IrcText.clean(source)).append(' ');
        }
        if (!COMMAND.matcher(m.command()).matches()) throw new IllegalArgumentException("bad command: " + m.command());
        sb.append(m.command());
        List<String> params = m.params();
        int middle = withoutLast ? params.size() - 1 : params.size();
        for (int i = 0; i < middle; i++) {
            String p = params.get(i);
            if (p.isEmpty() || p.charAt(0) == ':' || !isToken(p)) {
                throw new IllegalArgumentException("parameter " + i + " cannot be a middle parameter: '" + p + "'");
            }
            sb.append(' ').append(IrcText.clean(p));
        }
        return sb.toString();
    }

    private static void appendTags(StringBuilder sb, Map<String, String> tags) {
        if (tags.isEmpty()) return;
        int start = sb.length();
        int bytes = 1; // '@' and, at the end, ' ' (counted with the first tag's separator)
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!IrcParser.TAG_KEY.matcher(tag.getKey()).matches()) {
                throw new IllegalArgumentException("bad tag name: " + tag.getKey());
            }
            String value = escape(IrcText.cleanTagValue(tag.getValue()));
            String item = value.isEmpty() ? tag.getKey() : tag.getKey() + "=" + value;
            int size = IrcText.utf8Length(item) + 1; // ';' before it, or the final ' ' for the first
            if (bytes + size > IrcLimits.MAX_SERVER_TAGS) continue;
            sb.append(sb.length() == start ? "@" : ";").append(item);
            bytes += size;
        }
        if (sb.length() > start) sb.append(' ');
    }

    /** message-tags escaping of a value. */
    static String escape(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String e = switch (c) {
                case ';' -> "\\:";
                case ' ' -> "\\s";
                case '\\' -> "\\\\";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> null;
            };
            if (e != null && sb == null) sb = new StringBuilder(value.length() + 8).append(value, 0, i);
            if (sb != null) {
                if (e != null) sb.append(e);
                else sb.append(c);
            }
        }
        return sb == null ? value : sb.toString();
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes that ends between characters. */
    static String truncate(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) return text.substring(0, i);
            bytes += size;
            i += Character.charCount(cp);
        }
        return text;
    }

    /** Non-empty and without space, CR, LF or NUL. */
    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\r' || c == '\n' || c == '\0') return false;
        }
        return true;
    }
}
