package dev.parley.store;

/**
 * The stores a backend is made of, held and handed out the same way by every backend. The room history and
 * read positions are given for rooms other than the default one: the default room is routed here to the
 * group history and last-seen positions, so both views always show the same data.
 */
public abstract class StoreSet implements Stores {
    /** The default room when none is configured (conf/parley.yaml's rooms.default), canonical. */
    public static final String DEFAULT_ROOM = "#lobby";

    private final UserStore users;
    private final MailboxStore mailbox;
    private final GroupHistoryStore groupHistory;
    private final LastSeenStore lastSeen;
    private final IdempotencyStore idempotency;
    private final PresenceStore presence;
    private final CounterStore counters;
    private final RoomStore rooms;
    private final RoomSpeech speech;
    private final RoomHistoryStore roomHistory;
    private final ReadPositionStore readPositions;

    /**
     * @param defaultRoom       canonical name of the default room
     * @param otherRoomHistory  history of every room but the default one
     * @param otherPositions    read positions in every room but the default one
     * @param speech            the member check and history append in one step, every room (the default one included)
     */
    protected StoreSet(UserStore users, MailboxStore mailbox, GroupHistoryStore groupHistory, LastSeenStore lastSeen,
                       IdempotencyStore idempotency, PresenceStore presence, CounterStore counters,
                       String defaultRoom, RoomStore rooms, RoomHistoryStore otherRoomHistory, ReadPositionStore otherPositions,
                       RoomSpeech speech) {
        this.users = users;
        this.mailbox = mailbox;
        this.groupHistory = groupHistory;
        this.lastSeen = lastSeen;
        this.idempotency = idempotency;
        this.presence = presence;
        this.counters = counters;
        this.rooms = rooms;
        this.speech = speech;
        this.roomHistory = new DefaultRoomHistory(defaultRoom, groupHistory, otherRoomHistory);
        this.readPositions = new DefaultRoomReadPositions(defaultRoom, lastSeen, otherPositions);
    }

    @Override public UserStore users() { return users; }
    @Override public MailboxStore mailbox() { return mailbox; }
    @Override public GroupHistoryStore groupHistory() { return groupHistory; }
    @Override public LastSeenStore lastSeen() { return lastSeen; }
    @Override public IdempotencyStore idempotency() { return idempotency; }
    @Override public PresenceStore presence() { return presence; }
    @Override public CounterStore counters() { return counters; }
    @Override public RoomStore roomStore() { return rooms; }
    @Override public RoomSpeech roomSpeech() { return speech; }
    @Override public RoomHistoryStore roomHistory() { return roomHistory; }
    @Override public ReadPositionStore readPositions() { return readPositions; }
}
