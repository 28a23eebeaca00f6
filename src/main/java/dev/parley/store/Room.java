package dev.parley.store;

import java.util.Set;

/**
 * A room as stored (issue 14). Membership lives beside it in the same {@link RoomStore}.
 *
 * @param name       canonical name (lower case, with the #): the key everywhere
 * @param display    the creator's spelling, shown to users
 * @param topic      "" when none
 * @param topicBy    who set the topic (null when none)
 * @param owner      the creator (null for the default room, which belongs to the server)
 * @param operators  users who may moderate (the owner is always one, whether listed or not)
 * @param banned     users who may not join (and were removed)
 * @param invited    users invited to an invite-only room; an invitation is used up by joining
 */
public record Room(String name, String display, String topic, String topicBy, long topicTs, String owner,
                   Set<String> operators, Set<String> banned, Set<String> invited, boolean inviteOnly,
                   long createdAt) {

    /** A new room as its first joiner creates it. */
    public static Room created(String name, String display, String owner, long now) {
        return new Room(name, display, "", null, 0, owner, Set.of(), Set.of(), Set.of(), false, now);
    }

    public boolean isOperator(String user) {
        return user != null && (user.equals(owner) || operators.contains(user));
    }
}
