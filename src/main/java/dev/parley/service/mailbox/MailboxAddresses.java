package dev.parley.service.mailbox;

/**
 * The mailbox service's contract: private messages (deliver or store) and offline delivery. Each message's shape
 * is documented on its record. Group history lives in the group service ({@link dev.parley.service.group.GroupAddresses}).
 */
public final class MailboxAddresses {
    /**
     * {@link SendRequest} -> {@link SendReply}; delivered at once when the receiver is online, else stored.
     * Fails NO_SUCH_USER, MAILBOX_FULL.
     */
    public static final String SEND = "parley.mailbox.send";
    /**
     * {@link FetchRequest} -> {@link FetchReply}: what the user missed, oldest first: stored private mail, and the
     * group messages the group service's HISTORY returns. Nothing is removed until {@link #ACK}.
     */
    public static final String FETCH = "parley.mailbox.fetch";
    /** {@link AckRequest} -> {@link dev.parley.service.Empty}: those were written to the user's socket. */
    public static final String ACK = "parley.mailbox.ack";

    private MailboxAddresses() {
    }
}
