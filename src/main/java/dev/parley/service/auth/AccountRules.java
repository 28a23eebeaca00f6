package dev.parley.service.auth;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;

import java.util.regex.Pattern;

/** What makes a valid user id, password and display name. */
public final class AccountRules {
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    public static final int MAX_NAME_CHARS = 64;

    private final int passwordMin;
    private final int passwordMax;

    public AccountRules(int passwordMin, int passwordMax) {
        this.passwordMin = passwordMin;
        this.passwordMax = passwordMax;
    }

    /** Throws a {@link Bus.ServiceException} describing the first problem found. */
    public void check(RegisterRequest r) {
        if (r.user() == null || !USER_ID.matcher(r.user()).matches()) {
            throw Bus.error(ChatError.INVALID_USER, null);
        }
        checkPassword(r.password());
        if (r.name() != null) checkName(r.name());
    }

    /** Password length rules (registration, password change and reset). */
    public void checkPassword(String password) {
        if (password == null) {
            throw Bus.error(ChatError.INVALID_PASSWORD, "a password is required");
        }
        int len = password.codePointCount(0, password.length());
        if (len < passwordMin || len > passwordMax) {
            throw Bus.error(ChatError.INVALID_PASSWORD,
                    "passwords are " + passwordMin + " to " + passwordMax + " characters");
        }
    }

    /** Display-name rules (registration and rename). */
    public void checkName(String name) {
        if (name == null || name.codePointCount(0, name.length()) > MAX_NAME_CHARS
                || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw Bus.error(ChatError.BAD_REQUEST, "name: 1 to " + MAX_NAME_CHARS + " printable characters");
        }
    }
}
