package dev.parley.protocol;

/** The field names of JSON-lines frames, and the values of the enumerated ones (kind, status). */
public final class Fields {
    public static final String OP = "op";
    /** The client's request id, echoed in the reply. */
    public static final String RID = "rid";
    /** The client's id for a say or msg, by which the server drops a resent duplicate. */
    public static final String CID = "cid";
    /** Client-only tags ({@code {"+typing":"active"}}) of a tagmsg, say or msg: relayed live, never stored. */
    public static final String TAGS = "tags";
    public static final String OK = "ok";
    public static final String ERROR = "error";
    /** Inside {@link #ERROR}, and on notices. */
    public static final String CODE = "code";
    /** Inside {@link #ERROR}, and on notices and bye. */
    public static final String MESSAGE = "message";

    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String NAME = "name";
    public static final String OLD_PASSWORD = "old";
    public static final String NEW_PASSWORD = "new";
    public static final String TO = "to";
    public static final String TEXT = "text";

    public static final String ID = "id";
    public static final String FROM = "from";
    public static final String TS = "ts";
    public static final String KIND = "kind";
    public static final String OFFLINE = "offline";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    /** Login and who: the people online, each {user, name}. */
    public static final String ONLINE = "online";
    /** Who: how many are online (the list may be capped). */
    public static final String COUNT = "count";
    /** Msg: true when the receiver was offline and the message waits in the mailbox. */
    public static final String STORED = "stored";

    // Rooms (issue 14)
    /** A room's display name (requests, events, most replies); in the join reply, the room's description. */
    public static final String ROOM = "room";
    /** Inside a room description: the display name (its {@link #NAME} is the canonical one). */
    public static final String DISPLAY = "display";
    public static final String TOPIC = "topic";
    /** Who kicked, invited or set the topic. */
    public static final String BY = "by";
    /** Join: true when this join created the room. */
    public static final String CREATED = "created";
    /** Rooms: the page; members: the page of members, or a room's member count inside a room description. */
    public static final String ROOMS = "rooms";
    public static final String MEMBERS = "members";
    /** Rooms: how many rooms exist (the page may be shorter). */
    public static final String TOTAL = "total";
    /** Paging: rooms and members start after this name or id; a reply's next is the next page's after. */
    public static final String AFTER = "after";
    public static final String NEXT = "next";
    public static final String LIMIT = "limit";
    /** History: messages older than this message id. */
    public static final String BEFORE = "before";
    public static final String MESSAGES = "messages";
    /** History: older messages exist. */
    public static final String MORE = "more";
    /** Members: whether a member is one of the room's operators. */
    public static final String IS_OP = "op";
    /** Mode: make the room invite-only (true) or open (false). */
    public static final String INVITE_ONLY = "inviteOnly";
    /** Members: when the room was created (ms since the epoch). */
    public static final String CREATED_AT = "createdAt";
    /** Members: the room's banned accounts (to its operators only). */
    public static final String BANNED = "banned";
    /** The change of a mode event: "+o", "-o", "+b", "-b", "+i" or "-i". */
    public static final String MODE_CHANGE = "mode";
    /** Mode: the user to make an operator, or to stop being one (not "op": that is the request's own op). */
    public static final String GRANT_OP = "grantOp";
    public static final String REVOKE_OP = "revokeOp";

    public static final String KIND_GROUP = "group";
    public static final String KIND_PRIVATE = "private";
    public static final String STATUS_ONLINE = "online";
    public static final String STATUS_OFFLINE = "offline";
    /** Presence: an online user set an away message ("text") or cleared it. */
    public static final String STATUS_AWAY = "away";
    public static final String STATUS_BACK = "back";
    /** Who, whois, members: the user's away message, absent while here. */
    public static final String AWAY = "away";

    private Fields() {
    }
}
