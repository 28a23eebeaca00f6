package dev.parley.store;

import io.vertx.core.Future;

import java.util.List;

/**
 * Rooms and their persistent membership (both directions, room → users and user → rooms), kept in one
 * store because joining, parting and deleting an emptied room must each be one atomic step (one Lua
 * script in Redis, one synchronized step in MVStore): a join racing the deletion of the room it joins
 * must not leave a member of a room that no longer exists. Names are canonical (see
 * {@link dev.parley.protocol.RoomName}). The default room's implicit members are not stored here.
 */
public interface RoomStore {

    enum JoinOutcome {
        /** Now a member. */
        JOINED,
        /** Was a member already (nothing changed). */
        ALREADY_MEMBER,
        /** The user is in {@code maxRoomsPerUser} rooms already. */
        TOO_MANY_ROOMS,
        /** The room does not exist (deleted meanwhile): create it and try again. */
        NO_SUCH_ROOM
    }

    /**
     * Creates the room unless one of that name exists, atomically; true when this call created it.
     * Refused (false) as well when {@code maxRooms} rooms exist already — the caller tells them apart with {@link #get}.
     */
    Future<Boolean> create(Room room, long maxRooms);

    /** The room, or null. */
    Future<Room> get(String room);

    /**
     * Adds the member unless the room is gone or the user is in {@code maxRoomsPerUser} rooms (atomically). The
     * default room is not counted, and never refused for the cap (rooms.perUser).
     */
    Future<JoinOutcome> join(String room, String user, int maxRoomsPerUser);

    /**
     * Removes the member; when {@code deleteIfEmpty} and nobody is left, deletes the room (and its bans,
     * invitations, operators) in the same step. Returns whether the user was a member. Only a member's part deletes
     * (a non-member's part cannot delete a room just created), and the default room is never deleted.
     */
    Future<Boolean> part(String room, String user, boolean deleteIfEmpty);

    Future<Boolean> isMember(String room, String user);

    /** The user's rooms (canonical names), sorted. */
    Future<List<String>> roomsOf(String user);

    /** Up to {@code limit} members with names after {@code after} (null: from the start), sorted. */
    Future<List<String>> members(String room, String after, int limit);

    Future<Long> memberCount(String room);

    /** Up to {@code limit} rooms with names after {@code after} (null: from the start), sorted by name. */
    Future<List<Room>> list(String after, int limit);

    Future<Long> roomCount();

    /** Sets the topic. This and the changes below do nothing to a room that does not exist (never bring it back). */
    Future<Void> setTopic(String room, String topic, String by, long ts);

    Future<Void> setInviteOnly(String room, boolean inviteOnly);

    /** Grants or revokes operator; true when it changed anything. */
    Future<Boolean> setOperator(String room, String user, boolean operator);

    /**
     * Bans (and removes the member and withdraws an invitation, in the same step) or unbans; true when it changed
     * anything. Nothing happens to a room that does not exist.
     */
    Future<Boolean> setBanned(String room, String user, boolean banned);

    /** Records an invitation (used up by {@link #join}ing, or kept until then). */
    Future<Void> invite(String room, String user);

    /** Forgets an invitation; true when there was one. */
    Future<Boolean> useInvitation(String room, String user);

    /**
     * The account was deleted: leaves every room (deleting rooms emptied when {@code deleteIfEmpty}, never the default
     * room); returns the rooms left, sorted.
     */
    Future<List<String>> removeUser(String user, boolean deleteIfEmpty);
}
