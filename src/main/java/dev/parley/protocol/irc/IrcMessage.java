package dev.parley.protocol.irc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IRC message: IRCv3 tags (a tag without a value has the value ""), an optional source ({@code server} or
 * {@code nick!user@host}), the command (upper case letters or three digits) and up to 15 parameters. Text only:
 * framing, escaping and length are {@link IrcParser}'s and {@link IrcWriter}'s.
 */
public record IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {
    /** Parameters a message may have (RFC 1459's 14 middle plus one trailing); more make the 15th the rest. */
    public static final int MAX_PARAMS = 15;

    public IrcMessage {
        tags = tags == null || tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("a message needs a command");
        // A null parameter (an absent realname, topic...) is written as an empty one rather than failing later.
        params = params.stream().map(p -> p == null ? "" : p).toList();
        if (params.size() > MAX_PARAMS) throw new IllegalArgumentException("more than 15 parameters: " + params.size());
    }

    /** A message without tags or source. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    /** A message from {@code source} without tags. */
    public static IrcMessage from(String source, String command, String... params) {
        return new IrcMessage(Map.of(), source, command, List.of(params));
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(tags, newSource, command, params);
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    /** This message with one more tag (replacing one of the same name). */
    public IrcMessage withTag(String name, String value) {
        Map<String, String> t = new LinkedHashMap<>(tags);
        t.put(name, value == null ? "" : value);
        return new IrcMessage(t, source, command, params);
    }

    /** The parameter at {@code index}, or null when there are fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /** The last parameter, or null without parameters. */
    public String last() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    public boolean is(String verb) {
        return command.equalsIgnoreCase(verb);
    }
}
