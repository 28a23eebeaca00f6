package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One connection's registration (PASS, NICK, USER, with CAP and SASL) and its nick, decisions only. Registration
 * completes when there is a nick and a user, CAP is not holding it and no SASL outcome is awaited; then
 * {@link #complete()} says once what the integration must do (check a PASS login, send 906 for an unfinished SASL
 * payload, welcome the client under its final nick). Parley's rule on top: the nick is the account id. Before login
 * any valid nick is a placeholder; at login it becomes the account (before 001 when the login came first, else
 * with a NICK message); once logged in the nick cannot change.
 */
public final class Registration {
    /** Commands that work before registration completes (anything else is 451). */
    private static final Set<String> BEFORE_REGISTRATION =
            Set.of("CAP", "AUTHENTICATE", "PASS", "NICK", "USER", "PING", "PONG", "QUIT", "REGISTER");
    /** Commands that work after registration without an account: registration's and NickServ. */
    private static final Set<String> WITHOUT_ACCOUNT =
            Set.of("CAP", "AUTHENTICATE", "PASS", "NICK", "USER", "PING", "PONG", "QUIT", "REGISTER", "NICKSERV", "NS");

    /** What registration's completion requires of the integration. */
    public record Completion(String nick, String user, String realname, AccountCommands.Login passLogin,
                             List<IrcMessage> saslAborted) {
    }

    /** The outcome of a NICK command. */
    public sealed interface NickDecision permits NickSet, NickChanged, NickUnchanged, NickRefused {
    }

    /** Before registration: the nick is noted, nothing is sent. */
    public record NickSet(String nick) implements NickDecision {
    }

    /**
     * After registration: send {@code :<old mask> NICK <new>} to the client (the integration may first refuse a nick
     * an online user holds with 433).
     */
    public record NickChanged(String oldNick, String newNick) implements NickDecision {
    }

    /** NICK to the nick one already has: nothing to send. */
    public record NickUnchanged(String nick) implements NickDecision {
    }

    public record NickRefused(IrcMessage reply) implements NickDecision {
    }

    private final Numerics numerics;
    private final CapNegotiation cap;
    private final SaslPlain sasl;
    private final int userLen;
    private String pass;
    private String nick;
    private String user;
    private String realname;
    private String account;
    private boolean registered;

    public Registration(Numerics numerics, CapNegotiation cap, SaslPlain sasl, int userLen) {
        this.numerics = numerics;
        this.cap = cap;
        this.sasl = sasl;
        this.userLen = userLen;
    }

    /** The nick, or "*" before one: the first parameter of every numeric. */
    public String client() {
        return nick == null ? "*" : nick;
    }

    public String nick() {
        return nick;
    }

    public String user() {
        return user;
    }

    public String account() {
        return account;
    }

    public boolean registered() {
        return registered;
    }

    public boolean loggedIn() {
        return account != null;
    }

    /**
     * Null when {@code m} may run now; else the reply refusing it: 451 before registration, 451 with how to log in
     * after registration without an account (PRIVMSG/NOTICE to NickServ and the registration commands still work).
     */
    public IrcMessage refusal(IrcMessage m) {
        String verb = m.command();
        if (!registered) {
            return BEFORE_REGISTRATION.contains(verb) ? null : numerics.notRegistered(client(), "You have not registered");
        }
        if (account != null || WITHOUT_ACCOUNT.contains(verb)) return null;
        if ((verb.equals("PRIVMSG") || verb.equals("NOTICE")) && Nicks.isNickServ(m.param(0))) return null;
        return numerics.notRegistered(client(), AccountCommands.howToLogIn());
    }

    // PASS <password>
    public List<IrcMessage> onPass(IrcMessage m) {
        if (registered) return List.of(numerics.alreadyRegistered(client()));
        if (m.params().isEmpty() || m.param(0).isEmpty()) return List.of(numerics.needMoreParams(client(), "PASS"));
        pass = m.param(0);
        return List.of();
    }

    // NICK <nickname>
    public NickDecision onNick(IrcMessage m) {
        String wanted = m.param(0);
        if (wanted == null || wanted.isEmpty()) return new NickRefused(numerics.noNicknameGiven(client()));
        if (!Nicks.valid(wanted)) return new NickRefused(numerics.erroneousNickname(client(), wanted, Nicks.RULE));
        if (account != null) {
            if (wanted.equals(account)) return new NickUnchanged(account);
            return new NickRefused(numerics.erroneousNickname(client(), wanted,
                    "Your nick is your account name, " + account + ", and cannot change"));
        }
        if (!registered) {
            nick = wanted;
            return new NickSet(wanted);
        }
        String old = nick;
        nick = wanted;
        return new NickChanged(old, wanted);
    }

    // USER <username> <mode> <unused> :<realname>
    public List<IrcMessage> onUser(IrcMessage m) {
        if (registered) return List.of(numerics.alreadyRegistered(client()));
        if (m.params().size() < 4 || m.param(0).isEmpty()) return List.of(numerics.needMoreParams(client(), "USER"));
        String u = m.param(0).replaceAll("[^A-Za-z0-9_.\\-]", "");
        if (u.isEmpty()) u = "user";
        user = u.length() > userLen ? u.substring(0, userLen) : u;
        realname = m.param(3);
        return List.of();
    }

    /** Whether {@link #complete()} would give a completion now. */
    public boolean ready() {
        return !registered && nick != null && user != null && !cap.holdsRegistration() && !sasl.awaitingOutcome();
    }

    /**
     * Null while registration must wait; else, once, what completing it takes. The integration then checks
     * {@code passLogin} if any (calling {@link #loggedIn} on success), sends {@code saslAborted}, and welcomes the
     * client as {@link #nick()} (the account when logged in by then).
     */
    public Completion complete() {
        if (!ready()) return null;
        registered = true;
        List<IrcMessage> aborted = new ArrayList<>(sasl.abortForRegistration(client()));
        AccountCommands.Login passLogin = account == null ? AccountCommands.fromPass(pass, nick) : null;
        pass = null;
        return new Completion(nick, user, realname, passLogin, aborted);
    }

    /**
     * The auth service accepted a login (SASL, PASS, NickServ or REGISTER). Returns the nick change the client must
     * see, or null: none before registration (001 will carry the account) or when the nick already is the account.
     */
    public NickChanged loggedIn(String accountId) {
        account = accountId;
        String old = nick;
        nick = accountId;
        if (!registered || accountId.equals(old)) return null;
        return new NickChanged(old, accountId);
    }
}
