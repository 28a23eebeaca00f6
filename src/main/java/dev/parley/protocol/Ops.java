package dev.parley.protocol;

/** The {@code op} of every JSON-lines frame: requests, their replies (same op) and server events. */
public final class Ops {
    public static final String REGISTER = "register";
    public static final String LOGIN = "login";
    public static final String WHO = "who";
    public static final String SAY = "say";
    public static final String MSG = "msg";
    public static final String PASSWORD = "password";
    public static final String RENAME = "rename";
    public static final String DELETE_ACCOUNT = "delete_account";
    public static final String PING = "ping";
    public static final String LOGOUT = "logout";
    public static final String HELP = "help";

    /** The reply to ping: the one reply without an ok flag. */
    public static final String PONG = "pong";

    public static final String MESSAGE = "message";
    public static final String PRESENCE = "presence";
    public static final String NOTICE = "notice";
    public static final String BYE = "bye";

    private Ops() {
    }

    /** True for the ops of frames the server sends unasked (they carry no ok flag). */
    public static boolean isEvent(String op) {
        return MESSAGE.equals(op) || PRESENCE.equals(op) || NOTICE.equals(op) || BYE.equals(op);
    }
}
