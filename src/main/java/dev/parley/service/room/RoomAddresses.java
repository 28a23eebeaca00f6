package dev.parley.service.room;

/**
 * The rooms service's contract on the event bus (issue 14). Every request names the acting user, always
 * the session's user as the gateway knows it, never a field sent by the client; room names in requests
 * are as the client typed them (the service validates and canonicalises). Failures carry the
 * {@link dev.parley.protocol.ChatError} catalogue's codes (NO_SUCH_ROOM, NOT_IN_ROOM, BANNED, INVITE_ONLY,
 * NOT_ROOM_OPERATOR, TOO_MANY_ROOMS, INVALID_ROOM, RATE_LIMITED, BAD_REQUEST, UNAVAILABLE).
 *
 * <p>What happens in a room is published to {@link #events(String)} of its canonical name, which a node
 * consumes while it has local online members of the room ({@link dev.parley.service.delivery.RoomMessage},
 * {@link dev.parley.service.delivery.RoomChange}), before the request is answered. The default room publishes to
 * {@link dev.parley.service.delivery.NodeAddresses#ALL} while rooms.autoJoinDefault is on (every node with a user
 * needs it); with it off, the default room is a room like the others (except that it is never deleted).
 */
public final class RoomAddresses {
    /** {@link JoinRoomRequest} -> {@link JoinRoomReply}; creates the room on first join. */
    public static final String JOIN = "parley.rooms.join";
    /** {@link PartRequest} -> {@link dev.parley.service.Empty}. */
    public static final String PART = "parley.rooms.part";
    /** {@link RoomSayRequest} -> {@link dev.parley.service.group.SayReply}; stored, then published once to the room's address. */
    public static final String SAY = "parley.rooms.say";
    /**
     * {@link RoomTagsRequest} -> {@link dev.parley.service.group.SayReply} (its id and time): members only, published
     * as a {@link dev.parley.service.delivery.RoomTags} to the room's address, never stored.
     */
    public static final String TAGS = "parley.rooms.tags";
    /** {@link TopicRequest} -> {@link TopicReply} (text null: read the topic). */
    public static final String TOPIC = "parley.rooms.topic";
    /**
     * {@link ModerateRequest} -> {@link dev.parley.service.Empty}: kick, ban, unban, invite, op, deop, invite-only.
     * Kick and ban publish a "kicked" {@link dev.parley.service.delivery.RoomChange}; an invitation is sent as an
     * "invited" RoomChange to the invited user's node ({@link dev.parley.service.delivery.NodeAddresses#node}) when online.
     */
    public static final String MODERATE = "parley.rooms.moderate";
    /** {@link ListRoomsRequest} -> {@link RoomListReply}. */
    public static final String LIST = "parley.rooms.list";
    /** {@link MembersRequest} -> {@link MembersReply}. */
    public static final String MEMBERS = "parley.rooms.members";
    /** {@link RoomHistoryRequest} -> {@link RoomHistoryReply}: older messages on demand (like IRCv3 CHATHISTORY). */
    public static final String HISTORY = "parley.rooms.history";
    /**
     * {@link MyRoomsRequest} -> {@link MyRoomsReply}: the user's rooms at login (the default room first when
     * auto-joined), each with its head, read after the caller registered for the rooms' events.
     */
    public static final String MINE = "parley.rooms.mine";
    /** {@link MissedRequest} -> {@link dev.parley.service.group.HistoryReply}: what the user missed in one room. */
    public static final String MISSED = "parley.rooms.missed";
    /** {@link ReadPositionsRequest} -> {@link dev.parley.service.Empty}: a session left; its read positions are saved. */
    public static final String READ = "parley.rooms.read";

    /** Where a room's messages and changes are published, by canonical name. */
    public static String events(String canonicalRoom) {
        return "parley.room." + canonicalRoom;
    }

    private RoomAddresses() {
    }
}
