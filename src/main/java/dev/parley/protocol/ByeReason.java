package dev.parley.protocol;

/** Why the server is about to close a connection; sent as {@code bye.reason}. */
public enum ByeReason {
    REPLACED("you logged in from another connection"),
    IDLE("idle for too long"),
    SLOW_CONSUMER("you are not reading fast enough"),
    SHUTDOWN("the server is shutting down"),
    BAD_FRAME("malformed or oversized frame"),
    LOGOUT("goodbye"),
    TOO_MANY_CONNECTIONS("too many connections"),
    LOGIN_TIMEOUT("not logged in in time"),
    /** An operator closed the session (kick, or locking the account); the message says why. */
    KICKED("an operator disconnected you"),
    /** The account was deleted (by its owner or an operator). */
    ACCOUNT_DELETED("your account was deleted");

    public final String defaultMessage;

    ByeReason(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }
}
