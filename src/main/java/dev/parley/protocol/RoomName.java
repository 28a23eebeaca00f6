package dev.parley.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Room names: {@code #} + 1–49 of {@code [A-Za-z0-9_.-]}, compared case-insensitively. The canonical form
 * (ASCII lower case) is what stores, keys, bus addresses and comparisons use; the creator's spelling is shown.
 * It is IRC's {@code CASEMAPPING=ascii}, so rooms map one-to-one onto channels.
 */
public final class RoomName {
    public static final int MAX_LENGTH = 50;
    private static final Pattern VALID = Pattern.compile("#[A-Za-z0-9_.\\-]{1,49}");

    private RoomName() {
    }

    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The canonical form of a valid name. */
    public static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
