package dev.parley.protocol;

/**
 * A chat message as delivered to a recipient.
 *
 * @param group   true for a room message, false for a private message
 * @param to      the recipient of a private message, null for a room message
 * @param offline true when delivered from storage at login
 * @param room    the room's display name (null for a private message; for the default room, shown to
 *                program clients and left out of text lines, which look as they did before rooms)
 */
public record MessageEvent(boolean group, String id, String from, String name, String to, String text,
                           long ts, boolean offline, String room) implements Outbound {

    /** A message without a room: private, or (until every caller names it) the default room's. */
    public MessageEvent(boolean group, String id, String from, String name, String to, String text, long ts, boolean offline) {
        this(group, id, from, name, to, text, ts, offline, null);
    }
}
