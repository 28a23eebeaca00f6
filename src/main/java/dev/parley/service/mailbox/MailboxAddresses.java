package dev.parley.service.mailbox;

/** The mailbox service's contract: private messages (deliver or store) and offline delivery. */
public final class MailboxAddresses {
    /**
     * {"from","name","to","text","cid"?} -> {"id","ts","stored"}; delivered at once when the receiver
     * is online, else stored. Fails NO_SUCH_USER, MAILBOX_FULL. With {"storeOnly":true,"id","ts"} it only
     * stores, under that id: a same-node delivery the gateway could not confirm in time.
     */
    public static final String SEND = "parley.mailbox.send";
    /**
     * {"user","upTo":seq} -> {"private":[msg...], "group":[msg...], "skipped":n, "expired":n}: what the
     * user missed, oldest first: stored private mail, and group messages after their last-seen position
     * up to {@code upTo} (later ones reach the session live). Nothing is removed until {@link #ACK}.
     */
    public static final String FETCH = "parley.mailbox.fetch";
    /** {} -> {"head": seq}: the group history's newest position. */
    public static final String HEAD = "parley.mailbox.head";
    /** {"user","seqs":[mailbox seq...],"groupSeq":seq} -> {}: those were written to the user's socket. */
    public static final String ACK = "parley.mailbox.ack";

    private MailboxAddresses() {
    }
}
