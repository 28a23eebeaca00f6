package dev.parley.protocol.irc;

/**
 * {@code CASEMAPPING=ascii}: A-Z and a-z are the same letter, nothing else folds. For a valid room name this is
 * exactly {@link dev.parley.protocol.RoomName#canonical} (checked by a property), so a channel and its room are one.
 * Parley's account ids are case-sensitive, so nicks compare exactly for accounts; this folding is for channel names,
 * service names and what clients expect of comparisons (docs/irc.md).
 */
public final class IrcCaseMapping {

    private IrcCaseMapping() {
    }

    public static String fold(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return sb == null ? s : sb.toString();
    }

    public static boolean equal(String a, String b) {
        return a.length() == b.length() && fold(a).equals(fold(b));
    }
}
