package dev.parley.protocol.irc;

import dev.parley.protocol.ChatError;

import java.util.List;

/**
 * The one place where the outcome of an account command becomes IRC lines, per way it came in: PASS (464),
 * NickServ (NOTICEs from NickServ) or IRCv3 REGISTER (REGISTER SUCCESS / FAIL REGISTER). SASL has its own
 * numerics in {@link SaslPlain}. After a success the integration also calls {@link Registration#loggedIn}.
 */
public final class AccountReplies {
    private final Numerics numerics;
    /** The source of NickServ's NOTICEs, e.g. {@code NickServ!NickServ@services.parley}. */
    private final String nickServMask;

    public AccountReplies(Numerics numerics, String nickServMask) {
        this.numerics = numerics;
        this.nickServMask = nickServMask;
    }

    /** A NOTICE from NickServ to {@code client}. */
    public IrcMessage nickServ(String client, String text) {
        return IrcMessage.from(nickServMask, "NOTICE", client, text);
    }

    /** After a login accepted by the auth service; {@code mask} is the client's mask with the account as nick. */
    public List<IrcMessage> loggedIn(AccountCommands.Via via, String client, String mask, String account) {
        return switch (via) {
            case NICKSERV -> List.of(nickServ(client, "You are now logged in as " + account + "."),
                    numerics.loggedIn(client, mask, account));
            case PASS, REGISTER -> List.of(numerics.loggedIn(client, mask, account));
        };
    }

    /** After a login refused by the auth service. */
    public List<IrcMessage> loginRefused(AccountCommands.Via via, String client, ChatError error) {
        String why = switch (error) {
            case BAD_CREDENTIALS, NO_SUCH_USER, INVALID_USER, INVALID_PASSWORD -> "Invalid account or password.";
            case ACCOUNT_LOCKED -> "This account is locked; contact the operators.";
            case RATE_LIMITED -> "Too many attempts; wait a little and try again.";
            case ALREADY_LOGGED_IN -> "You are already logged in.";
            default -> "Login is unavailable right now; try again.";
        };
        return switch (via) {
            case PASS -> error == ChatError.ACCOUNT_LOCKED
                    ? List.of(numerics.bannedFromServer(client, why))
                    : List.of(numerics.passwordMismatch(client), nickServ(client, why));
            case NICKSERV, REGISTER -> List.of(nickServ(client, why));
        };
    }

    /** After an account was created (the connection is then logged in to it). */
    public List<IrcMessage> registered(AccountCommands.Via via, String client, String mask, String account) {
        return switch (via) {
            case REGISTER -> List.of(IrcMessage.from(numerics.server(), "REGISTER", "SUCCESS", account,
                    "Account created; you are now logged in"), numerics.loggedIn(client, mask, account));
            case NICKSERV, PASS -> List.of(nickServ(client, "Account " + account + " created; you are now logged in."),
                    numerics.loggedIn(client, mask, account));
        };
    }

    /** After the auth service refused to create the account. */
    public IrcMessage registrationRefused(AccountCommands.Via via, String client, String account, ChatError error) {
        if (via != AccountCommands.Via.REGISTER) {
            String why = switch (error) {
                case USER_EXISTS -> "Account " + account + " already exists.";
                case INVALID_USER -> Nicks.RULE + ".";
                case INVALID_PASSWORD -> "That password is not acceptable: " + error.defaultMessage + ".";
                case RATE_LIMITED -> "Too many registrations; try again later.";
                default -> "Registration is unavailable right now; try again.";
            };
            return nickServ(client, why);
        }
        return switch (error) {
            case USER_EXISTS -> numerics.fail("REGISTER", "ACCOUNT_EXISTS", "Account already exists", account);
            case INVALID_USER -> numerics.fail("REGISTER", "BAD_ACCOUNT_NAME", Nicks.RULE, account);
            case INVALID_PASSWORD -> numerics.fail("REGISTER", "UNACCEPTABLE_PASSWORD", error.defaultMessage, account);
            case ALREADY_LOGGED_IN -> numerics.fail("REGISTER", "ALREADY_AUTHENTICATED", "You are already logged in", account);
            default -> numerics.fail("REGISTER", "TEMPORARILY_UNAVAILABLE", "Registration is unavailable right now", account);
        };
    }
}
