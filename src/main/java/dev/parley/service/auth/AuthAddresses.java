package dev.parley.service.auth;

/** The auth service's contract on the event bus. */
public final class AuthAddresses {
    /** {@link RegisterRequest} -> {"user"}; fails USER_EXISTS, INVALID_USER, INVALID_PASSWORD, BAD_REQUEST, RATE_LIMITED, UNAVAILABLE. */
    public static final String REGISTER = "parley.auth.register";
    /** {@link LoginRequest} -> {"user","name"}; fails BAD_CREDENTIALS, RATE_LIMITED, UNAVAILABLE. */
    public static final String LOGIN = "parley.auth.login";

    private AuthAddresses() {
    }
}
