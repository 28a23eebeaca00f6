package dev.parley.protocol;

import java.util.Map;

/**
 * A chat message as delivered to a recipient.
 *
 * @param group   true for a room message, false for a private message
 * @param to      the recipient of a private message, null for a room message
 * @param offline true when delivered from storage at login
 * @param room    the room's display name (null for a private message; for the default room, shown to
 *                program clients and left out of text lines, which look as they did before rooms)
 * @param tags    client-only tags relayed live with it ({@code +draft/reply}...; shown to IRC readers with
 *                message-tags only, never stored); empty when none
 */
public record MessageEvent(boolean group, String id, String from, String name, String to, String text,
                           long ts, boolean offline, String room, Map<String, String> tags) implements Outbound {

    public MessageEvent {
        tags = tags == null ? Map.of() : tags;
    }

    /** A message without client tags. */
    public MessageEvent(boolean group, String id, String from, String name, String to, String text, long ts,
                        boolean offline, String room) {
        this(group, id, from, name, to, text, ts, offline, room, Map.of());
    }

    /** A message without a room: private, or (until every caller names it) the default room's. */
    public MessageEvent(boolean group, String id, String from, String name, String to, String text, long ts, boolean offline) {
        this(group, id, from, name, to, text, ts, offline, null);
    }
}
