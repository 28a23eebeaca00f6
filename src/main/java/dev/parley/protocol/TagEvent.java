package dev.parley.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of tags only (IRCv3 TAGMSG: typing notices, reactions...), relayed live and never stored. Only IRC
 * readers with message-tags are shown it; JSON, text and seed readers get nothing (they have no tags).
 *
 * @param group true in a room (then {@code room} is its display name), false to one user ({@code to})
 * @param tags  the client-only tags ({@code +typing}...), as the sender gave them
 */
public record TagEvent(boolean group, String id, String from, String name, String to, String room,
                       Map<String, String> tags, long ts) implements Outbound {
    public TagEvent {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
