package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the mode string of {@code MODE #channel [modes [arguments...]]} for the modes Parley's rooms have
 * ({@link ISupport#CHANMODES} and {@link ISupport#PREFIX}): {@code o} (operator, takes a nick), {@code b} (ban,
 * takes a mask; without one it asks for the ban list), {@code i} (invite-only, a flag), and {@code n} and {@code t},
 * which are always on ({@code +n}/{@code +t} change nothing; {@code -n}/{@code -t} are reported for 472). Any other
 * letter is reported for 472; a mode that needs an argument and has none is dropped, as most servers do; changes past
 * {@code MODES} are dropped. Ban masks map onto accounts with {@link #bannedAccount}.
 */
public final class ChannelModes {

    /** One change: {@code +o alice}, {@code -b bob!*@*}, {@code +i}. */
    public record Change(boolean add, char mode, String argument) {
        /** As it appears in a MODE line: "+o". */
        public String flag() {
            return (add ? "+" : "-") + mode;
        }
    }

    /**
     * @param changes     what to apply, in order
     * @param listBans    the client asked for the ban list (367/368)
     * @param unknown     letters that are not Parley modes, each answered with 472
     */
    public record Parsed(List<Change> changes, boolean listBans, List<Character> unknown) {
    }

    private ChannelModes() {
    }

    // MODE <channel> [<modestring> [<mode arguments>...]]
    public static Parsed parse(List<String> params, int maxChangesWithArgument) {
        List<Change> changes = new ArrayList<>();
        List<Character> unknown = new ArrayList<>();
        boolean listBans = false;
        if (params.isEmpty()) return new Parsed(changes, false, unknown);
        String modes = params.get(0);
        int nextArg = 1;
        int withArgument = 0;
        boolean add = true;
        for (int i = 0; i < modes.length(); i++) {
            char c = modes.charAt(i);
            switch (c) {
                case '+' -> add = true;
                case '-' -> add = false;
                case 'i' -> changes.add(new Change(add, 'i', null));
                case 'n', 't' -> {
                    // Always on (only members speak, only operators set the topic): +n/+t change nothing, -n/-t cannot.
                    if (!add && !unknown.contains(c)) unknown.add(c);
                }
                case 'o', 'b' -> {
                    String arg = nextArg < params.size() ? params.get(nextArg++) : null;
                    if (arg == null || arg.isEmpty()) {
                        if (c == 'b') listBans = true;
                    } else if (withArgument < maxChangesWithArgument) {
                        withArgument++;
                        changes.add(new Change(add, c, arg));
                    }
                }
                default -> {
                    if (!unknown.contains(c)) unknown.add(c);
                }
            }
        }
        return new Parsed(changes, listBans, unknown);
    }

    /**
     * The account a ban mask names, or null when it names none Parley can ban: {@code alice},
     * {@code alice!*@*}, {@code alice!*} or {@code alice!user@host} (only the nick counts: all users share
     * one host). Wildcards in the nick are not supported.
     */
    public static String bannedAccount(String mask) {
        if (mask == null) return null;
        int bang = mask.indexOf('!');
        String nick = bang < 0 ? mask : mask.substring(0, bang);
        if (bang < 0 && mask.indexOf('@') >= 0) return null;
        return Nicks.valid(nick) ? nick : null;
    }

    /** How a ban on {@code account} is shown in 367 and MODE lines. */
    public static String banMask(String account) {
        return account + "!*@*";
    }
}
