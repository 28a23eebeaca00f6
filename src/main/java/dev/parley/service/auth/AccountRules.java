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
        if (name == null || name.codePointCount(0, name.length()) > MAX_NAME_CHARS || name.isBlank()) {
            throw Bus.error(ChatError.BAD_REQUEST, "name: 1 to " + MAX_NAME_CHARS + " printable characters");
        }
        if (name.codePoints().anyMatch(AccountRules::unsafeInName)) {
            throw Bus.error(ChatError.BAD_REQUEST,
                    "name: no control characters, line breaks or bidirectional overrides");
        }
    }

    /**
     * C0/C1 controls break lines and terminals; line/paragraph separators fake new lines; bidi embeddings,
     * overrides, isolates and marks reorder the text shown after a name ("moc.elgoog" spoofing).
     */
    static boolean unsafeInName(int cp) {
        return Character.isISOControl(cp)
                || cp == 0x2028 || cp == 0x2029
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }
}
