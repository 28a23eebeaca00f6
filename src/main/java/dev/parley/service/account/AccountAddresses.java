package dev.parley.service.account;

/**
 * The account service's contract on the event bus: users managing their own account, and the operators'
 * actions behind the admin API. Every address fails with a ChatError code (see {@link dev.parley.service.Bus});
 * a body not of its record's shape fails BAD_REQUEST. Each message's shape is documented on its record.
 */
public final class AccountAddresses {
    /** {@link ChangePasswordRequest} -> {@link dev.parley.service.Empty}; fails BAD_CREDENTIALS (old password), INVALID_PASSWORD, RATE_LIMITED. */
    public static final String CHANGE_PASSWORD = "parley.account.password";
    /** {@link RenameRequest} -> {@link RenameReply}; fails BAD_REQUEST (name rules as at registration). */
    public static final String RENAME = "parley.account.rename";
    /**
     * {@link DeleteOwnRequest} -> {@link DeleteOwnReply}; fails BAD_CREDENTIALS, RATE_LIMITED. Removes the account and its mail;
     * the caller then closes the session and sends {@link #PURGE}, which erases what the departure wrote.
     */
    public static final String DELETE_OWN = "parley.account.deleteOwn";
    /** {@link PurgeRequest} -> {@link dev.parley.service.Empty}: removes a deleted account's mailbox and last-seen position. */
    public static final String PURGE = "parley.account.purge";

    /** {@link LockRequest} -> {@link LockReply}; locking closes the session. Fails NO_SUCH_USER. */
    public static final String LOCK = "parley.account.admin.lock";
    /** {@link DeleteUserRequest} -> {@link DeleteUserReply}: account, mailbox, last-seen, presence and session. Fails NO_SUCH_USER. */
    public static final String DELETE = "parley.account.admin.delete";
    /** {@link ResetPasswordRequest} -> {@link ResetPasswordReply}; fails NO_SUCH_USER, INVALID_PASSWORD. */
    public static final String RESET_PASSWORD = "parley.account.admin.resetPassword";
    /** {@link KickRequest} -> {@link KickReply}. Says nothing about whether the account exists. */
    public static final String KICK = "parley.account.admin.kick";
    /** {@link NoticeRequest} -> {@link dev.parley.service.Empty}; fails BAD_REQUEST, TEXT_TOO_LONG. */
    public static final String NOTICE = "parley.account.admin.notice";
    /** {@link OnlineRequest} -> {@link OnlineReply}; fails BAD_REQUEST (page or size out of range). */
    public static final String ONLINE = "parley.account.admin.online";

    private AccountAddresses() {
    }
}
