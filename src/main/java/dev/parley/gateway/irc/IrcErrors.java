package dev.parley.gateway.irc;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.irc.IrcMessage;
import dev.parley.protocol.irc.Numerics;

/** The one place where Parley's error codes become IRC numerics (docs/irc.md's table). */
final class IrcErrors {
    private IrcErrors() {
    }

    /**
     * @param command the IRC command refused
     * @param channel the channel it named, or null
     * @param nick    the nick it named, or null
     */
    static IrcMessage numeric(Numerics n, String client, ChatError error, String message, String command, String channel,
                              String nick) {
        String ch = channel == null ? "*" : channel;
        if (error == null) return n.fail(command, "UNKNOWN", message == null ? "failed" : message);
        return switch (error) {
            case NO_SUCH_ROOM -> n.noSuchChannel(client, ch);
            case INVALID_ROOM -> n.badChannelMask(client, ch);
            case NOT_IN_ROOM -> command.equals("PRIVMSG") || command.equals("NOTICE") || command.equals("TAGMSG")
                    ? n.cannotSendToChannel(client, ch)
                    : nick != null ? n.userNotInChannel(client, nick, ch) : n.notOnChannel(client, ch);
            case BANNED -> n.bannedFromChannel(client, ch);
            case INVITE_ONLY -> n.inviteOnlyChannel(client, ch);
            case NOT_ROOM_OPERATOR -> n.chanOpPrivsNeeded(client, ch);
            case TOO_MANY_ROOMS -> n.tooManyChannels(client, ch);
            case NO_SUCH_USER -> n.noSuchNick(client, nick == null ? "*" : nick);
            case NOT_LOGGED_IN -> n.notRegistered(client, dev.parley.protocol.irc.AccountCommands.howToLogIn());
            case TEXT_TOO_LONG -> n.inputTooLong(client);
            case BAD_REQUEST -> n.needMoreParams(client, command);
            default -> n.fail(command, error.name(), message == null ? error.defaultMessage : message);
        };
    }
}
