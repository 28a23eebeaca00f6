package dev.parley.store;

/** The seven stores a backend is made of, held and handed out the same way by every backend. */
public abstract class StoreSet implements Stores {
    private final UserStore users;
    private final MailboxStore mailbox;
    private final GroupHistoryStore groupHistory;
    private final LastSeenStore lastSeen;
    private final IdempotencyStore idempotency;
    private final PresenceStore presence;
    private final CounterStore counters;

    protected StoreSet(UserStore users, MailboxStore mailbox, GroupHistoryStore groupHistory, LastSeenStore lastSeen,
                       IdempotencyStore idempotency, PresenceStore presence, CounterStore counters) {
        this.users = users;
        this.mailbox = mailbox;
        this.groupHistory = groupHistory;
        this.lastSeen = lastSeen;
        this.idempotency = idempotency;
        this.presence = presence;
        this.counters = counters;
    }

    @Override public UserStore users() { return users; }
    @Override public MailboxStore mailbox() { return mailbox; }
    @Override public GroupHistoryStore groupHistory() { return groupHistory; }
    @Override public LastSeenStore lastSeen() { return lastSeen; }
    @Override public IdempotencyStore idempotency() { return idempotency; }
    @Override public PresenceStore presence() { return presence; }
    @Override public CounterStore counters() { return counters; }
}
