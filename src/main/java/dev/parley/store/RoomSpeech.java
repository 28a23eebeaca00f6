package dev.parley.store;

import io.vertx.core.Future;

/**
 * Speaking in a room as one atomic store step: the room exists, the speaker is a member, and the message goes
 * to the room's history (which assigns its seq), or nothing is written. One step instead of three (read the
 * room, check the membership, append) makes a room say cost one store round trip, like the default room's, and
 * leaves no gap between the check and the append: once a kick, ban or part has completed, that user's says
 * are refused (see docs/rooms-design.md, "Saying in a room"). Names are canonical; the default room's history
 * is the group history, as in {@link Stores#roomHistory()}. The default room's implicit members
 * (rooms.autoJoinDefault) are not stored, so the service appends for them without asking this.
 */
public interface RoomSpeech {

    enum Outcome {
        /** Stored: {@link Said#message()} has its seq, {@link Said#display()} the room's display name. */
        SAID,
        /** The room does not exist (never did, or was deleted). */
        NO_SUCH_ROOM,
        /** The room exists; the speaker is not (or no longer) a member. */
        NOT_IN_ROOM
    }

    /**
     * @param message the stored message with its seq, null unless SAID
     * @param display the room's display name, null unless SAID
     */
    record Said(Outcome outcome, StoredMessage message, String display) {
        public static Said said(StoredMessage message, String display) {
            return new Said(Outcome.SAID, message, display);
        }

        public static Said refused(Outcome why) {
            return new Said(why, null, null);
        }
    }

    /** Appends {@code message} to {@code room}'s history if {@code user} is a member of it, in one atomic step. */
    Future<Said> say(String room, String user, StoredMessage message);
}
