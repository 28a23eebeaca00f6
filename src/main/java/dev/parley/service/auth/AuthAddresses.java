package dev.parley.service.auth;

/** The auth service's contract on the event bus. Each message's shape is documented on its record. */
public final class AuthAddresses {
    /** {@link RegisterRequest} -> {@link RegisterReply}; fails USER_EXISTS, INVALID_USER, INVALID_PASSWORD, BAD_REQUEST, RATE_LIMITED, UNAVAILABLE. */
    public static final String REGISTER = "parley.auth.register";
    /** {@link LoginRequest} -> {@link LoginReply}; fails BAD_CREDENTIALS, ACCOUNT_LOCKED, BAD_REQUEST, RATE_LIMITED, UNAVAILABLE. */
    public static final String LOGIN = "parley.auth.login";

    private AuthAddresses() {
    }
}
