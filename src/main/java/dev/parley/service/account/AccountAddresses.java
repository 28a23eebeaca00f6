package dev.parley.service.account;

/**
 * The account service's contract on the event bus: users managing their own account, and the operators'
 * actions behind the admin API. Every address fails with a ChatError code (see {@link dev.parley.service.Bus}).
 */
public final class AccountAddresses {
    /** {@link ChangePasswordRequest} -> {}; fails BAD_CREDENTIALS (old password), INVALID_PASSWORD, RATE_LIMITED. */
    public static final String CHANGE_PASSWORD = "parley.account.password";
    /** {@link RenameRequest} -> {"user","name"}; fails BAD_REQUEST (name rules as at registration). */
    public static final String RENAME = "parley.account.rename";
    /**
     * {@link DeleteOwnRequest} -> {"user"}; fails BAD_CREDENTIALS, RATE_LIMITED. Removes the account and its mail;
     * the caller then closes the session and sends {@link #PURGE}, which erases what the departure wrote.
     */
    public static final String DELETE_OWN = "parley.account.deleteOwn";
    /** {@link UserRequest} -> {}: removes a deleted account's mailbox and last-seen position. */
    public static final String PURGE = "parley.account.purge";

    /** {@link LockRequest} -> {"user","locked","kicked"}; locking closes the session. Fails NO_SUCH_USER. */
    public static final String LOCK = "parley.account.admin.lock";
    /** {@link UserRequest} -> {"user","kicked"}: account, mailbox, last-seen, presence and session. Fails NO_SUCH_USER. */
    public static final String DELETE = "parley.account.admin.delete";
    /** {@link ResetPasswordRequest} -> {"user"}; fails NO_SUCH_USER, INVALID_PASSWORD. */
    public static final String RESET_PASSWORD = "parley.account.admin.resetPassword";
    /** {@link KickRequest} -> {"user","kicked"} (false: not online). Says nothing about whether the account exists. */
    public static final String KICK = "parley.account.admin.kick";
    /** {@link NoticeRequest} -> {}; fails BAD_REQUEST, TEXT_TOO_LONG. */
    public static final String NOTICE = "parley.account.admin.notice";
    /** {@link OnlineRequest} -> {"count","page","size","users":[{"user","name","node"}],"nodes":{node:count},"complete"}. */
    public static final String ONLINE = "parley.account.admin.online";

    private AccountAddresses() {
    }
}
