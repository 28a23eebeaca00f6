package dev.parley.protocol;

/**
 * A chat message as delivered to a recipient.
 *
 * @param group   true for the group room, false for a private message
 * @param to      the recipient of a private message, null for group
 * @param offline true when delivered from storage at login
 */
public record MessageEvent(boolean group, String id, String from, String name, String to, String text,
                           long ts, boolean offline) implements Outbound {
}
