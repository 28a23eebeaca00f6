package dev.parley.protocol;

/**
 * The one catalogue of errors a client can see. Codes are part of the wire protocol: never rename.
 * {@link #busCode} is the stable number carried in event-bus failures between nodes.
 */
public enum ChatError {
    USER_EXISTS(1, "that user id is already taken"),
    INVALID_USER(2, "user ids are 1-32 characters of A-Z a-z 0-9 _ . -"),
    INVALID_PASSWORD(3, "password length is out of bounds"),
    BAD_CREDENTIALS(4, "unknown user or wrong password"),
    RATE_LIMITED(5, "too many requests; slow down"),
    ALREADY_LOGGED_IN(6, "this connection is already logged in"),
    NO_SUCH_USER(7, "no such user"),
    MAILBOX_FULL(8, "the receiver's mailbox is full"),
    NOT_LOGGED_IN(9, "log in first"),
    UNKNOWN_OP(10, "unknown command"),
    BAD_REQUEST(11, "missing or invalid field"),
    BAD_FRAME(12, "malformed frame"),
    TEXT_TOO_LONG(13, "text is too long"),
    UNAVAILABLE(14, "service temporarily unavailable; try again"),
    INTERNAL(15, "internal error"),
    /** An operator locked the account: the right password still cannot log in. */
    ACCOUNT_LOCKED(16, "this account is locked; contact the operators"),
    // Rooms
    NO_SUCH_ROOM(17, "no such room"),
    NOT_IN_ROOM(18, "you are not a member of that room"),
    BANNED(19, "you are banned from that room"),
    INVITE_ONLY(20, "that room is invite-only; ask an operator for an invitation"),
    NOT_ROOM_OPERATOR(21, "only the room's operators may do that"),
    TOO_MANY_ROOMS(22, "room limit reached"),
    INVALID_ROOM(23, "room names are # and 1-49 characters of A-Z a-z 0-9 _ . -");

    public final int busCode;
    public final String defaultMessage;

    ChatError(int busCode, String defaultMessage) {
        this.busCode = busCode;
        this.defaultMessage = defaultMessage;
    }

    public static ChatError fromBusCode(int code) {
        for (ChatError e : values()) {
            if (e.busCode == code) return e;
        }
        return INTERNAL;
    }
}
