/**
 * Private messages and what a user missed while offline: {@link dev.parley.service.mailbox.MailboxVerticle}
 * delivers to the receiver's node or stores in the mailbox, and at login hands back unread mail with the
 * group messages missed (asked of the group service); {@code MailExpiry} is the age arithmetic. Contract in
 * {@code MailboxAddresses} and its records.
 */
package dev.parley.service.mailbox;
