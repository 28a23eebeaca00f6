package dev.parley.protocol.irc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client-only tags (IRCv3 message-tags: names starting with {@code +}, such as {@code +typing},
 * {@code +draft/reply}, {@code +draft/react}): picked from a client's line, checked, and measured as they will be
 * written. Parley relays them as given and never interprets them.
 */
public final class ClientTags {
    /** The spec's bound on the tag data a client may send (4,096 with the {@code @} and the space). */
    public static final int MAX_BYTES = 4094;

    private ClientTags() {
    }

    public static boolean isClientOnly(String name) {
        return name.startsWith("+");
    }

    /** The client-only tags among a line's tags, in their order (server tags like {@code label} are left out). */
    public static Map<String, String> of(Map<String, String> tags) {
        Map<String, String> only = null;
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (!isClientOnly(t.getKey())) continue;
            if (only == null) only = new LinkedHashMap<>();
            only.put(t.getKey(), t.getValue() == null ? "" : t.getValue());
        }
        return only == null ? Map.of() : Collections.unmodifiableMap(only);
    }

    /** Bytes the tags take on a line, as {@link IrcWriter} writes them: {@code name[=escaped value]} joined by {@code ;}. */
    public static int size(Map<String, String> tags) {
        int bytes = 0;
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (bytes > 0) bytes++;
            String value = IrcWriter.escape(IrcText.cleanTagValue(t.getValue()));
            bytes += IrcText.utf8Length(t.getKey()) + (value.isEmpty() ? 0 : 1 + IrcText.utf8Length(value));
        }
        return bytes;
    }

    /** Why these tags cannot be relayed, or null when they can: every name client-only and well formed, the whole within {@link #MAX_BYTES}. */
    public static String problem(Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String name = t.getKey();
            if (!isClientOnly(name) || !IrcParser.TAG_KEY.matcher(name).matches()) {
                return "not a client-only tag name: " + (name.length() > 40 ? name.substring(0, 40) + "..." : name);
            }
            if (t.getValue() == null) return "tag " + name + " has no value";
        }
        int size = size(tags);
        return size > MAX_BYTES ? "client tags take " + size + " bytes, more than " + MAX_BYTES : null;
    }
}
