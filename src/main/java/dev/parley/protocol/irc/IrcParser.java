package dev.parley.protocol.irc;

import dev.parley.protocol.irc.IrcParseException.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one line (without its CR LF) into an {@link IrcMessage}. Strict where a wrong guess would change meaning
 * (tag grammar, command shape, NUL/CR/LF, sizes), tolerant where clients differ: several spaces between
 * parameters, trailing spaces, lower-case commands, invalid UTF-8 (read as U+FFFD), more than 15 parameters (the
 * 15th is the rest of the line, as RFC 1459 says).
 */
public final class IrcParser {
    /** {@code [+][vendor/]name}: vendor is a host name, name is letters, digits and '-'. */
    static final Pattern TAG_KEY = Pattern.compile("\\+?([A-Za-z0-9.\\-]+/)?[A-Za-z0-9\\-]+");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z]+|[0-9]{3}");

    private final int maxTagBytes;
    private final int maxBodyBytes;

    /** For lines from clients: 4096 bytes of tags section, 510 of body. */
    public static IrcParser forClients() {
        return new IrcParser(IrcLimits.MAX_CLIENT_TAGS, IrcLimits.MAX_BODY);
    }

    /** For lines a server writes (tests, bench, a client): 8191 bytes of tags section, 510 of body. */
    public static IrcParser forServerLines() {
        return new IrcParser(IrcLimits.MAX_SERVER_TAGS, IrcLimits.MAX_BODY);
    }

    public IrcParser(int maxTagBytes, int maxBodyBytes) {
        this.maxTagBytes = maxTagBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The message, or null for a blank line (which IRC ignores). */
    public IrcMessage parse(byte[] line) throws IrcParseException {
        for (byte b : line) {
            if (b == 0 || b == '\r' || b == '\n') {
                throw new IrcParseException(Problem.FORBIDDEN_CHARACTER, "NUL, CR or LF inside a line");
            }
        }
        int pos = 0;
        Map<String, String> tags = Map.of();
        if (line.length > 0 && line[0] == '@') {
            int space = indexOf(line, (byte) ' ', 0);
            int sectionEnd = space < 0 ? line.length : space + 1;
            if (sectionEnd > maxTagBytes) {
                throw new IrcParseException(Problem.TOO_LONG, "tags longer than " + maxTagBytes + " bytes");
            }
            if (space < 0) throw new IrcParseException(Problem.NO_COMMAND, "tags without a command");
            tags = parseTags(new String(line, 1, space - 1, StandardCharsets.UTF_8));
            pos = skipSpaces(line, space);
        } else {
            pos = skipSpaces(line, 0);
        }
        if (line.length - pos > maxBodyBytes) {
            throw new IrcParseException(Problem.TOO_LONG, "message longer than " + (maxBodyBytes + 2) + " bytes");
        }
        if (pos == line.length) {
            if (!tags.isEmpty()) throw new IrcParseException(Problem.NO_COMMAND, "tags without a command");
            return null;
        }
        String body = new String(line, pos, line.length - pos, StandardCharsets.UTF_8);
        return parseBody(tags, body);
    }

    private static IrcMessage parseBody(Map<String, String> tags, String body) throws IrcParseException {
        int i = 0;
        String source = null;
        if (body.charAt(0) == ':') {
            int space = body.indexOf(' ');
            if (space < 0 || space == 1) throw new IrcParseException(Problem.NO_COMMAND, "a source without a command");
            source = body.substring(1, space);
            i = skip(body, space);
            if (i == body.length()) throw new IrcParseException(Problem.NO_COMMAND, "a source without a command");
        }
        int end = body.indexOf(' ', i);
        if (end < 0) end = body.length();
        String command = body.substring(i, end);
        if (!COMMAND.matcher(command).matches()) {
            throw new IrcParseException(Problem.BAD_COMMAND, "not a command: " + command);
        }
        List<String> params = new ArrayList<>();
        i = skip(body, end);
        while (i < body.length()) {
            if (body.charAt(i) == ':' || params.size() == IrcMessage.MAX_PARAMS - 1) {
                params.add(body.substring(body.charAt(i) == ':' ? i + 1 : i));
                break;
            }
            int next = body.indexOf(' ', i);
            if (next < 0) next = body.length();
            params.add(body.substring(i, next));
            i = skip(body, next);
        }
        return new IrcMessage(tags, source, command.toUpperCase(Locale.ROOT), params);
    }

    /** {@code key[=value]} pairs separated by ';'. A repeated key keeps its last value. */
    static Map<String, String> parseTags(String section) throws IrcParseException {
        if (section.isEmpty()) throw new IrcParseException(Problem.BAD_TAGS, "'@' without tags");
        Map<String, String> tags = new LinkedHashMap<>();
        for (String item : section.split(";", -1)) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            if (!TAG_KEY.matcher(key).matches()) {
                throw new IrcParseException(Problem.BAD_TAGS, "not a tag name: '" + key + "'");
            }
            tags.remove(key);
            tags.put(key, eq < 0 ? "" : unescape(item.substring(eq + 1)));
        }
        return tags;
    }

    /** message-tags escaping: \: ; \s space, \\ backslash, \r CR, \n LF; \x is x; a final lone \ is dropped. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) return value;
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i == value.length()) break;
            char e = value.charAt(i);
            sb.append(switch (e) {
                case ':' -> ';';
                case 's' -> ' ';
                case 'r' -> '\r';
                case 'n' -> '\n';
                default -> e;
            });
        }
        return sb.toString();
    }

    private static int skip(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return i;
    }

    private static int skipSpaces(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] == ' ') i++;
        return i;
    }

    private static int indexOf(byte[] b, byte wanted, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == wanted) return i;
        }
        return -1;
    }
}
