package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.store.Room;

/** Who may do what in a room. Each check throws the catalogue's error, or returns when allowed. */
final class RoomPolicy {
    private RoomPolicy() {
    }

    /** BANNED, or INVITE_ONLY unless invited (operators need no invitation: they could invite themselves). */
    static void checkJoin(Room room, String user) {
        if (room.banned().contains(user)) throw Bus.error(ChatError.BANNED, null);
        if (room.inviteOnly() && !room.invited().contains(user) && !room.isOperator(user)) {
            throw Bus.error(ChatError.INVITE_ONLY, null);
        }
    }

    /** NOT_ROOM_OPERATOR unless {@code user} is the owner or an operator. */
    static void requireOperator(Room room, String user) {
        if (!room.isOperator(user)) throw Bus.error(ChatError.NOT_ROOM_OPERATOR, null);
    }

    /** The owner cannot be kicked, banned or deopped: the room would be left without its keeper. */
    static void checkTarget(Room room, ModerateRequest.Action action, String target) {
        boolean removesOwner = action == ModerateRequest.Action.KICK || action == ModerateRequest.Action.BAN
                || action == ModerateRequest.Action.DEOP;
        if (removesOwner && target.equals(room.owner())) {
            throw Bus.error(ChatError.NOT_ROOM_OPERATOR, "the room's owner cannot be " + switch (action) {
                case KICK -> "kicked";
                case BAN -> "banned";
                default -> "deopped";
            });
        }
    }

    /** An invite-only room's members and topic are shown to its members only. */
    static boolean visibleTo(Room room, boolean member) {
        return !room.inviteOnly() || member;
    }
}
