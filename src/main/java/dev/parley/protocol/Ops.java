package dev.parley.protocol;

/** The {@code op} of every JSON-lines frame: requests, their replies (same op) and server events. */
public final class Ops {
    public static final String REGISTER = "register";
    public static final String LOGIN = "login";
    public static final String WHO = "who";
    public static final String SAY = "say";
    public static final String MSG = "msg";
    /** Client-only tags (IRCv3 TAGMSG: typing, reactions) to a room or a user, relayed live to IRC readers with message-tags. */
    public static final String TAGMSG = "tagmsg";
    public static final String PASSWORD = "password";
    public static final String RENAME = "rename";
    public static final String DELETE_ACCOUNT = "delete_account";
    public static final String PING = "ping";
    public static final String LOGOUT = "logout";
    public static final String HELP = "help";
    /** Set (with text) or clear one's away message; its change reaches co-members as a presence event. */
    public static final String AWAY = "away";
    /** Whether one user is online, and their away message. */
    public static final String WHOIS = "whois";

    // Rooms (issue 14): requests
    public static final String JOIN = "join";
    public static final String PART = "part";
    public static final String ROOMS = "rooms";
    public static final String MEMBERS = "members";
    /** A request (set or read the topic) and an event (the topic changed). */
    public static final String TOPIC = "topic";
    public static final String KICK = "kick";
    public static final String BAN = "ban";
    public static final String UNBAN = "unban";
    public static final String INVITE = "invite";
    /** A request (change a mode) and an event (an operator changed one: op, ban, invite-only), like {@link #TOPIC}. */
    public static final String MODE = "mode";
    public static final String HISTORY = "history";
    /** Choose the connection's current room (text protocol: where plain text goes); without a room, read it. */
    public static final String ROOM = "room";

    // Rooms: events
    public static final String JOINED = "joined";
    public static final String PARTED = "parted";
    public static final String KICKED = "kicked";
    public static final String INVITED = "invited";

    /** The reply to ping: the one reply without an ok flag. */
    public static final String PONG = "pong";

    public static final String MESSAGE = "message";
    public static final String PRESENCE = "presence";
    public static final String NOTICE = "notice";
    public static final String BYE = "bye";

    private Ops() {
    }

    /**
     * True for the ops of frames the server may send unasked. {@link #TOPIC} and {@link #MODE} are also replies: an event is the frame
     * without an ok flag, see {@link #isEvent(String, boolean)}.
     */
    public static boolean isEvent(String op) {
        return MESSAGE.equals(op) || PRESENCE.equals(op) || NOTICE.equals(op) || BYE.equals(op)
                || isRoomEvent(op);
    }

    /** Whether a frame with this op is an event: events never carry ok, replies (but pong) always do. */
    public static boolean isEvent(String op, boolean hasOk) {
        return !hasOk && isEvent(op);
    }

    /** The room events, as {@link RoomNotice#kind()}. */
    public static boolean isRoomEvent(String op) {
        return JOINED.equals(op) || PARTED.equals(op) || KICKED.equals(op) || INVITED.equals(op) || TOPIC.equals(op)
                || MODE.equals(op);
    }
}
