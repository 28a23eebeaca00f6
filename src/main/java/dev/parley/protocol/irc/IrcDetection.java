package dev.parley.protocol.irc;

/**
 * Whether a connection on Parley's shared port speaks IRC, from its first bytes: every IRC client opens with
 * {@code CAP}, {@code NICK}, {@code PASS} or {@code USER} followed by a space (upper case, as clients send them;
 * a person typing in the text protocol does not start that way). Pure, for the gateway's protocol sniffing.
 */
public final class IrcDetection {

    public enum Verdict { IRC, NOT_IRC, UNDECIDED }

    private static final String[] OPENERS = {"CAP ", "NICK ", "PASS ", "USER "};

    private IrcDetection() {
    }

    /** {@code UNDECIDED} while the bytes so far are a prefix of an opener; a decision never changes with more bytes. */
    public static Verdict classify(byte[] data, int offset, int length) {
        boolean prefixOfSome = false;
        for (String opener : OPENERS) {
            int n = Math.min(length, opener.length());
            boolean matches = true;
            for (int i = 0; i < n && matches; i++) matches = data[offset + i] == opener.charAt(i);
            if (!matches) continue;
            if (length >= opener.length()) return Verdict.IRC;
            prefixOfSome = true;
        }
        return prefixOfSome ? Verdict.UNDECIDED : Verdict.NOT_IRC;
    }
}
