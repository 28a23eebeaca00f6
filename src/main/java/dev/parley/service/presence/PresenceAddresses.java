package dev.parley.service.presence;

/** The presence service's contract on the event bus: one record per request and reply. */
public final class PresenceAddresses {
    /**
     * {@link JoinRequest} -> {@link OnlineListing} (the others). Announces the user to everyone else, or
     * silently replaces (kicks) an older session of the same user.
     */
    public static final String JOIN = "parley.presence.join";
    /** {@link LeaveRequest} -> {@link LeaveReply}; announces the departure if that session is current. */
    public static final String LEAVE = "parley.presence.leave";
    /**
     * {@link AwayRequest} -> {@link AwayReply}. Keeps the away message with the session's presence and, when it
     * changed, announces it like an arrival ({@link RoomPresence}), as a {@code PresenceChange} carrying the away state.
     */
    public static final String AWAY = "parley.presence.away";
    /** {@link WhoRequest} -> {@link OnlineListing}. */
    public static final String WHO = "parley.presence.who";
    /** {@link LocateRequest} -> {@link Location} ({} when offline; with the away message when there is one). */
    public static final String LOCATE = "parley.presence.locate";

    private PresenceAddresses() {
    }
}
