package dev.parley.protocol.irc;

import java.util.regex.Pattern;

/**
 * A nick is a Parley account id: 1 to 32 of {@code A-Z a-z 0-9 _ . -} (the rule of service.auth.AccountRules, which
 * a test keeps equal). That is narrower than IRC's rule in every way but two, written down in docs/irc.md: a nick
 * may start with a digit or '-', and may contain '.'.
 */
public final class Nicks {
    public static final int MAX_LENGTH = 32;
    public static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    /** NickServ is not an account: messages to it are account commands. */
    public static final String NICKSERV = "NickServ";
    static final String RULE = "Nicks are Parley account ids: 1 to 32 of A-Z a-z 0-9 _ . -";

    private Nicks() {
    }

    public static boolean valid(String nick) {
        return nick != null && ACCOUNT_ID.matcher(nick).matches();
    }

    /** Whether {@code target} names NickServ (any letter case, optionally {@code NickServ@server}). */
    public static boolean isNickServ(String target) {
        if (target == null) return false;
        int at = target.indexOf('@');
        String name = at < 0 ? target : target.substring(0, at);
        return IrcCaseMapping.equal(name, NICKSERV);
    }

    /** {@code nick!user@host}. */
    public static String mask(String nick, String user, String host) {
        return nick + "!" + user + "@" + host;
    }
}
