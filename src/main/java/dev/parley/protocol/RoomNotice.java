package dev.parley.protocol;

/**
 * Something that happened in a room, sent to its online members (and to the user it concerns).
 *
 * @param kind one of {@link Ops#JOINED}, {@link Ops#PARTED}, {@link Ops#KICKED}, {@link Ops#TOPIC}, {@link Ops#INVITED}
 * @param room the room's display name
 * @param user who joined, parted, was kicked or invited (null for a topic change)
 * @param name the user's display name, when known
 * @param by   who kicked, invited or set the topic (null otherwise)
 * @param text the part/kick reason or the new topic (may be null)
 */
public record RoomNotice(String kind, String room, String user, String name, String by, String text, long ts)
        implements Outbound {
}
