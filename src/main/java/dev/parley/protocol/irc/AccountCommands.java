package dev.parley.protocol.irc;

import java.util.List;
import java.util.Locale;

/**
 * The three ways an IRC client logs in or registers besides SASL, read into typed requests (the integration calls
 * Parley's auth service with them): {@code PASS <account>:<password>}, {@code PRIVMSG NickServ :IDENTIFY ...} /
 * {@code :REGISTER ...}, and IRCv3 {@code REGISTER <account> <email|*> <password>} (draft/account-registration).
 * Parley has no e-mail: an address is accepted and ignored.
 */
public final class AccountCommands {

    /** What an account command asks for. */
    public sealed interface Request permits Login, Register, Answer, Fail {
    }

    /** Check this account id and password; {@code via} says which command, for the reply. */
    public record Login(String account, String password, Via via) implements Request {
        @Override
        public String toString() {
            return "Login[account=" + account + ", via=" + via + ", password=<hidden>]";
        }
    }

    /** Create this account (then the connection is logged in to it, as after SASL). */
    public record Register(String account, String email, String password, Via via) implements Request {
        @Override
        public String toString() {
            return "Register[account=" + account + ", via=" + via + ", password=<hidden>]";
        }
    }

    /** A NickServ answer to send as a NOTICE from NickServ (usage, help, or why not). */
    public record Answer(String text) implements Request {
    }

    /** An IRCv3 standard reply, FAIL REGISTER, or a numeric: send {@code message}. */
    public record Fail(IrcMessage message) implements Request {
    }

    public enum Via { PASS, NICKSERV, REGISTER }

    static final String NICKSERV_HELP = "Commands: IDENTIFY [account] <password> | REGISTER <password> [email]. "
            + "Your nick is your account: after logging in it becomes the account name.";

    private AccountCommands() {
    }

    /**
     * The NOTICE text an unauthenticated client gets after registration, and with every refused command: how to log
     * in and how to register.
     */
    public static String howToLogIn() {
        return "You are not logged in. Log in with SASL PLAIN, with PASS <account>:<password>, or with "
                + "/msg NickServ IDENTIFY <account> <password>. New here? /msg NickServ REGISTER <password> "
                + "registers your current nick as your account.";
    }

    /**
     * {@code PASS account:password} (split at the first ':'), or {@code PASS password} for the nick's account; null
     * when there is no PASS, or no colon and no nick yet.
     */
    public static Login fromPass(String pass, String nick) {
        if (pass == null || pass.isEmpty()) return null;
        int colon = pass.indexOf(':');
        if (colon > 0 && colon < pass.length() - 1) {
            return new Login(pass.substring(0, colon), pass.substring(colon + 1), Via.PASS);
        }
        if (colon < 0 && nick != null && !nick.equals("*")) return new Login(nick, pass, Via.PASS);
        return null;
    }

    /**
     * A message to NickServ. {@code IDENTIFY <password>} logs in to the current nick's account; {@code IDENTIFY
     * <account> <password>} to the one named (the password is the rest of the text, spaces included).
     * {@code REGISTER <password> [email]} registers the current nick.
     */
    // IDENTIFY [account] <password> | REGISTER <password> [email] | HELP
    public static Request nickServ(String text, String nick, String loggedInAccount) {
        String t = text == null ? "" : text.strip();
        int space = t.indexOf(' ');
        String verb = (space < 0 ? t : t.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : t.substring(space + 1).strip();
        switch (verb) {
            case "IDENTIFY", "LOGIN" -> {
                if (loggedInAccount != null) return new Answer("You are already logged in as " + loggedInAccount + ".");
                if (rest.isEmpty()) return new Answer("Usage: IDENTIFY [account] <password>");
                int sp = rest.indexOf(' ');
                if (sp < 0) return new Login(nick, rest, Via.NICKSERV);
                return new Login(rest.substring(0, sp), rest.substring(sp + 1).strip(), Via.NICKSERV);
            }
            case "REGISTER" -> {
                if (loggedInAccount != null) return new Answer("You are already logged in as " + loggedInAccount + ".");
                List<String> words = rest.isEmpty() ? List.of() : List.of(rest.split(" +"));
                if (words.isEmpty() || words.size() > 2) return new Answer("Usage: REGISTER <password> [email]");
                if (!Nicks.valid(nick)) return new Answer(Nicks.RULE + "; change your nick first.");
                return new Register(nick, words.size() == 2 ? words.get(1) : null, words.get(0), Via.NICKSERV);
            }
            default -> {
                return new Answer(NICKSERV_HELP);
            }
        }
    }

    /**
     * IRCv3 {@code REGISTER <account> <email|*> <password>}: account {@code *} is the current nick. Refusals are
     * FAIL REGISTER replies (461 when parameters are missing, as Ergo does).
     */
    // REGISTER <account> {<email> | "*"} <password>
    public static Request register(IrcMessage m, Numerics numerics, String nick, String loggedInAccount) {
        String client = nick == null ? "*" : nick;
        if (m.params().size() < 3) return new Fail(numerics.needMoreParams(client, "REGISTER"));
        String account = m.param(0);
        if (loggedInAccount != null) {
            return new Fail(numerics.fail("REGISTER", "ALREADY_AUTHENTICATED", "You are already logged in", loggedInAccount));
        }
        if (account.equals("*")) {
            if (nick == null || nick.equals("*")) {
                return new Fail(numerics.fail("REGISTER", "NEED_NICK", "Send NICK first, or name the account", "*"));
            }
            account = nick;
        }
        if (!Nicks.valid(account)) {
            return new Fail(numerics.fail("REGISTER", "BAD_ACCOUNT_NAME", Nicks.RULE, account));
        }
        String email = m.param(1).equals("*") ? null : m.param(1);
        return new Register(account, email, m.param(2), Via.REGISTER);
    }
}
