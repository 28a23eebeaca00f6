package dev.parley.service.group;

/**
 * The group room's contract on the event bus. Each message's shape is documented on its record. Saying in the
 * group (the default room) is {@link dev.parley.service.room.RoomAddresses#SAY}, as in every room.
 */
public final class GroupAddresses {
    /** {@link dev.parley.service.Empty} -> {@link HeadReply}: where "missed" ends and "live" begins for a new session. */
    public static final String HEAD = "parley.group.head";
    /**
     * {@link HistoryRequest} -> {@link HistoryReply}: the group messages a user missed, from their last-seen position
     * up to a bound. A first visit records the bound as the position (history before it is not "missed");
     * otherwise the position moves only when the session acknowledges (mailbox ACK) or leaves.
     */
    public static final String HISTORY = "parley.group.history";

    private GroupAddresses() {
    }
}
