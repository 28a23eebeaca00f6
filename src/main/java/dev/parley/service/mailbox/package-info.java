/**
 * Private messages and what a user missed while offline: {@link dev.parley.service.mailbox.MailboxVerticle}
 * delivers to the receiver's node or stores in the mailbox, and at login hands back unread mail and missed
 * group messages. Contract in {@code MailboxAddresses}.
 */
package dev.parley.service.mailbox;
