package dev.parley.service.presence;

/** The presence service's contract on the event bus. */
public final class PresenceAddresses {
    /**
     * {"user","name","node","session"} -> {"count", "online":[{"user","name"}] (others, capped)}.
     * Announces the user to everyone else, or silently replaces (kicks) an older session of the same user.
     */
    public static final String JOIN = "parley.presence.join";
    /** {"user","session","lastGroupSeq"} -> {}; announces the departure if that session is current. */
    public static final String LEAVE = "parley.presence.leave";
    /** {} -> {"count","online":[...] (capped)}. */
    public static final String WHO = "parley.presence.who";
    /** {"user"} -> {"node","session"} or {} when offline. */
    public static final String LOCATE = "parley.presence.locate";

    private PresenceAddresses() {
    }
}
