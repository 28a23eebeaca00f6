package dev.parley.protocol;

/** The field names of JSON-lines frames, and the values of the enumerated ones (kind, status). */
public final class Fields {
    public static final String OP = "op";
    /** The client's request id, echoed in the reply. */
    public static final String RID = "rid";
    /** The client's id for a say or msg, by which the server drops a resent duplicate. */
    public static final String CID = "cid";
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

    public static final String KIND_GROUP = "group";
    public static final String KIND_PRIVATE = "private";
    public static final String STATUS_ONLINE = "online";
    public static final String STATUS_OFFLINE = "offline";

    private Fields() {
    }
}
