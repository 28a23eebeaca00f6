package dev.parley.store;

/**
 * Limits of one mailbox. Accounts are free, so each limit bounds what one client can make the store hold:
 * messages and bytes per recipient, and messages one sender may leave for one recipient (so a single sender
 * cannot fill someone's mailbox and lock everyone else out of it).
 */
public record MailboxQuota(int maxMessages, long maxBytes, int maxPerSender) {

    public static MailboxQuota ofMessages(int maxMessages) {
        return new MailboxQuota(maxMessages, Long.MAX_VALUE, Integer.MAX_VALUE);
    }
}
