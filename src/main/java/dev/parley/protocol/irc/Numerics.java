package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The numeric replies and errors Parley sends, each as an {@link IrcMessage} from this server with its parameters
 * in the order of the modern IRC client protocol (modern.ircdocs.horse); plus IRCv3 standard replies (FAIL, WARN,
 * NOTE). The first parameter is always the client's nick, {@code *} before it has one. Lists that can outgrow a
 * line (NAMES, WHOIS channels, ISON) come back as several messages, each within 512 bytes.
 */
public final class Numerics {
    public static final String RPL_WELCOME = "001";
    public static final String RPL_YOURHOST = "002";
    public static final String RPL_CREATED = "003";
    public static final String RPL_MYINFO = "004";
    public static final String RPL_ISUPPORT = "005";
    public static final String RPL_UMODEIS = "221";
    public static final String RPL_LUSERCLIENT = "251";
    public static final String RPL_LUSEROP = "252";
    public static final String RPL_LUSERUNKNOWN = "253";
    public static final String RPL_LUSERCHANNELS = "254";
    public static final String RPL_LUSERME = "255";
    public static final String RPL_LOCALUSERS = "265";
    public static final String RPL_GLOBALUSERS = "266";
    public static final String RPL_AWAY = "301";
    public static final String RPL_USERHOST = "302";
    public static final String RPL_ISON = "303";
    public static final String RPL_UNAWAY = "305";
    public static final String RPL_NOWAWAY = "306";
    public static final String RPL_WHOISUSER = "311";
    public static final String RPL_WHOISSERVER = "312";
    public static final String RPL_ENDOFWHO = "315";
    public static final String RPL_ENDOFWHOIS = "318";
    public static final String RPL_WHOISCHANNELS = "319";
    public static final String RPL_LISTSTART = "321";
    public static final String RPL_LIST = "322";
    public static final String RPL_LISTEND = "323";
    public static final String RPL_CHANNELMODEIS = "324";
    public static final String RPL_CREATIONTIME = "329";
    public static final String RPL_WHOISACCOUNT = "330";
    public static final String RPL_NOTOPIC = "331";
    public static final String RPL_TOPIC = "332";
    public static final String RPL_TOPICWHOTIME = "333";
    public static final String RPL_INVITING = "341";
    public static final String RPL_WHOREPLY = "352";
    public static final String RPL_NAMREPLY = "353";
    public static final String RPL_WHOSPCRPL = "354";
    public static final String RPL_ENDOFNAMES = "366";
    public static final String RPL_BANLIST = "367";
    public static final String RPL_ENDOFBANLIST = "368";
    public static final String RPL_MOTD = "372";
    public static final String RPL_MOTDSTART = "375";
    public static final String RPL_ENDOFMOTD = "376";
    public static final String ERR_NOSUCHNICK = "401";
    public static final String ERR_NOSUCHCHANNEL = "403";
    public static final String ERR_CANNOTSENDTOCHAN = "404";
    public static final String ERR_TOOMANYCHANNELS = "405";
    public static final String ERR_NOORIGIN = "409";
    public static final String ERR_INVALIDCAPCMD = "410";
    public static final String ERR_NORECIPIENT = "411";
    public static final String ERR_NOTEXTTOSEND = "412";
    public static final String ERR_INPUTTOOLONG = "417";
    public static final String ERR_UNKNOWNCOMMAND = "421";
    public static final String ERR_NOMOTD = "422";
    public static final String ERR_NONICKNAMEGIVEN = "431";
    public static final String ERR_ERRONEUSNICKNAME = "432";
    public static final String ERR_NICKNAMEINUSE = "433";
    public static final String ERR_USERNOTINCHANNEL = "441";
    public static final String ERR_NOTONCHANNEL = "442";
    public static final String ERR_USERONCHANNEL = "443";
    public static final String ERR_NOTREGISTERED = "451";
    public static final String ERR_NEEDMOREPARAMS = "461";
    public static final String ERR_ALREADYREGISTERED = "462";
    public static final String ERR_PASSWDMISMATCH = "464";
    public static final String ERR_YOUREBANNEDCREEP = "465";
    public static final String ERR_CHANNELISFULL = "471";
    public static final String ERR_UNKNOWNMODE = "472";
    public static final String ERR_INVITEONLYCHAN = "473";
    public static final String ERR_BANNEDFROMCHAN = "474";
    public static final String ERR_BADCHANNELKEY = "475";
    public static final String ERR_BADCHANMASK = "476";
    public static final String ERR_NEEDREGGEDNICK = "477";
    public static final String ERR_NOPRIVILEGES = "481";
    public static final String ERR_CHANOPRIVSNEEDED = "482";
    public static final String ERR_UMODEUNKNOWNFLAG = "501";
    public static final String ERR_USERSDONTMATCH = "502";
    public static final String RPL_LOGGEDIN = "900";
    public static final String RPL_LOGGEDOUT = "901";
    public static final String ERR_NICKLOCKED = "902";
    public static final String RPL_SASLSUCCESS = "903";
    public static final String ERR_SASLFAIL = "904";
    public static final String ERR_SASLTOOLONG = "905";
    public static final String ERR_SASLABORTED = "906";
    public static final String ERR_SASLALREADY = "907";
    public static final String RPL_SASLMECHS = "908";

    /**
     * The counts LUSERS reports. Parley has no IRC operators; the cluster is one server to IRC clients, so the
     * integration passes {@code servers = 1} (docs/irc.md).
     */
    public record Lusers(long users, long invisible, long servers, long operators, long unknown, long channels,
                         long localUsers, long localMax, long globalUsers, long globalMax) {
    }

    private final String server;

    /** @param server this server's name, the source of every reply */
    public Numerics(String server) {
        this.server = server;
    }

    public String server() {
        return server;
    }

    /** Any numeric: {@code :server <code> <client> <params...>}. */
    public IrcMessage reply(String code, String client, String... params) {
        List<String> p = new ArrayList<>(params.length + 1);
        p.add(client == null || client.isEmpty() ? "*" : client);
        Collections.addAll(p, params);
        return new IrcMessage(null, server, code, p);
    }

    // ---- registration

    /** 001-004: {@code mask} is nick!user@host; modes are 004's user modes, channel modes and those with a parameter. */
    public List<IrcMessage> welcome(String client, String network, String mask, String version, String created,
                                    String userModes, String channelModes, String channelModesWithParam) {
        return List.of(
                reply(RPL_WELCOME, client, "Welcome to the " + network + " IRC Network, " + mask),
                reply(RPL_YOURHOST, client, "Your host is " + server + ", running version " + version),
                reply(RPL_CREATED, client, "This server was created " + created),
                reply(RPL_MYINFO, client, server, version, userModes, channelModes, channelModesWithParam));
    }

    /** One 005 line: 1 to 13 tokens (see {@link ISupport}). */
    public IrcMessage isupport(String client, List<String> tokens) {
        List<String> p = new ArrayList<>(tokens);
        p.add("are supported by this server");
        return reply(RPL_ISUPPORT, client, p.toArray(String[]::new));
    }

    /** 375, 372 per line, 376; or 422 when there is no MOTD. */
    public List<IrcMessage> motd(String client, List<String> lines) {
        if (lines.isEmpty()) return List.of(reply(ERR_NOMOTD, client, "MOTD File is missing"));
        List<IrcMessage> out = new ArrayList<>(lines.size() + 2);
        out.add(reply(RPL_MOTDSTART, client, "- " + server + " Message of the day - "));
        for (String line : lines) out.add(reply(RPL_MOTD, client, "- " + line));
        out.add(reply(RPL_ENDOFMOTD, client, "End of /MOTD command."));
        return out;
    }

    /** 251-255, 265, 266. */
    public List<IrcMessage> lusers(String client, Lusers l) {
        return List.of(
                reply(RPL_LUSERCLIENT, client, "There are " + l.users() + " users and " + l.invisible()
                        + " invisible on " + l.servers() + " servers"),
                reply(RPL_LUSEROP, client, String.valueOf(l.operators()), "operator(s) online"),
                reply(RPL_LUSERUNKNOWN, client, String.valueOf(l.unknown()), "unknown connection(s)"),
                reply(RPL_LUSERCHANNELS, client, String.valueOf(l.channels()), "channels formed"),
                reply(RPL_LUSERME, client, "I have " + l.localUsers() + " clients and " + l.servers() + " servers"),
                reply(RPL_LOCALUSERS, client, String.valueOf(l.localUsers()), String.valueOf(l.localMax()),
                        "Current local users " + l.localUsers() + ", max " + l.localMax()),
                reply(RPL_GLOBALUSERS, client, String.valueOf(l.globalUsers()), String.valueOf(l.globalMax()),
                        "Current global users " + l.globalUsers() + ", max " + l.globalMax()));
    }

    // ---- users

    public IrcMessage away(String client, String nick, String message) {
        return reply(RPL_AWAY, client, nick, message);
    }

    public IrcMessage unaway(String client) {
        return reply(RPL_UNAWAY, client, "You are no longer marked as being away");
    }

    public IrcMessage nowAway(String client) {
        return reply(RPL_NOWAWAY, client, "You have been marked as being away");
    }

    /** One USERHOST entry: {@code nick[*]=(+|-)user@host}, '-' when away. */
    public static String userhostEntry(String nick, boolean operator, boolean away, String userAtHost) {
        return nick + (operator ? "*" : "") + "=" + (away ? "-" : "+") + userAtHost;
    }

    /** 302: the entries of at most 5 nicks (USERHOST's own limit), so it always fits. */
    public IrcMessage userhost(String client, List<String> entries) {
        return reply(RPL_USERHOST, client, String.join(" ", entries));
    }

    /** 303: the online nicks among those asked, over several lines if needed. */
    public List<IrcMessage> ison(String client, List<String> onlineNicks) {
        return packed(RPL_ISON, client, List.of(), onlineNicks);
    }

    public IrcMessage whoisUser(String client, String nick, String user, String host, String realname) {
        return reply(RPL_WHOISUSER, client, nick, user, host, "*", realname);
    }

    public IrcMessage whoisServer(String client, String nick, String serverName, String serverInfo) {
        return reply(RPL_WHOISSERVER, client, nick, serverName, serverInfo);
    }

    /** 319: channels with their membership prefix ("@#dev"), over several lines if needed. */
    public List<IrcMessage> whoisChannels(String client, String nick, List<String> prefixedChannels) {
        return packed(RPL_WHOISCHANNELS, client, List.of(nick), prefixedChannels);
    }

    public IrcMessage whoisAccount(String client, String nick, String account) {
        return reply(RPL_WHOISACCOUNT, client, nick, account, "is logged in as");
    }

    public IrcMessage endOfWhois(String client, String nick) {
        return reply(RPL_ENDOFWHOIS, client, nick, "End of /WHOIS list");
    }

    /** 352; {@code flags} is H (here) or G (gone, away) then the membership prefixes, e.g. "H@". */
    public IrcMessage whoReply(String client, String channel, String user, String host, String nick, String flags,
                               String realname) {
        return reply(RPL_WHOREPLY, client, channel == null ? "*" : channel, user, host, server, nick, flags,
                "0 " + realname);
    }

    /** 354 (WHOX): the requested fields in WHOX order; the last one (usually the real name) may hold spaces. */
    public IrcMessage whoxReply(String client, List<String> fields) {
        return reply(RPL_WHOSPCRPL, client, fields.toArray(String[]::new));
    }

    public IrcMessage endOfWho(String client, String mask) {
        return reply(RPL_ENDOFWHO, client, mask, "End of WHO list");
    }

    public IrcMessage userModeIs(String client, String modes) {
        return reply(RPL_UMODEIS, client, modes);
    }

    // ---- channels

    public IrcMessage listStart(String client) {
        return reply(RPL_LISTSTART, client, "Channel", "Users  Name");
    }

    public IrcMessage list(String client, String channel, long visibleUsers, String topic) {
        return reply(RPL_LIST, client, channel, String.valueOf(visibleUsers), topic == null ? "" : topic);
    }

    public IrcMessage listEnd(String client) {
        return reply(RPL_LISTEND, client, "End of /LIST");
    }

    /** 324: {@code modes} like "+i" or "+"; arguments follow it. */
    public IrcMessage channelModeIs(String client, String channel, String modes, String... arguments) {
        List<String> p = new ArrayList<>(List.of(channel, modes));
        Collections.addAll(p, arguments);
        return reply(RPL_CHANNELMODEIS, client, p.toArray(String[]::new));
    }

    public IrcMessage creationTime(String client, String channel, long epochSeconds) {
        return reply(RPL_CREATIONTIME, client, channel, String.valueOf(epochSeconds));
    }

    public IrcMessage noTopic(String client, String channel) {
        return reply(RPL_NOTOPIC, client, channel, "No topic is set");
    }

    public IrcMessage topic(String client, String channel, String topic) {
        return reply(RPL_TOPIC, client, channel, topic);
    }

    public IrcMessage topicWhoTime(String client, String channel, String setBy, long epochSeconds) {
        return reply(RPL_TOPICWHOTIME, client, channel, setBy, String.valueOf(epochSeconds));
    }

    public IrcMessage inviting(String client, String nick, String channel) {
        return reply(RPL_INVITING, client, nick, channel);
    }

    /**
     * 353 lines then 366. {@code symbol}: "=" public, "@" secret, "*" private. Members carry their prefixes
     * ("@alice", or "@+alice" with multi-prefix).
     */
    public List<IrcMessage> names(String client, String symbol, String channel, List<String> prefixedNicks) {
        List<IrcMessage> out = new ArrayList<>(
                prefixedNicks.isEmpty() ? List.of() : packed(RPL_NAMREPLY, client, List.of(symbol, channel), prefixedNicks));
        out.add(endOfNames(client, channel));
        return out;
    }

    public IrcMessage endOfNames(String client, String channel) {
        return reply(RPL_ENDOFNAMES, client, channel, "End of /NAMES list");
    }

    /** 367: one ban; {@code setBy} and {@code epochSeconds} are optional (null and 0 leave them out). */
    public IrcMessage banList(String client, String channel, String mask, String setBy, long epochSeconds) {
        if (setBy == null) return reply(RPL_BANLIST, client, channel, mask);
        return reply(RPL_BANLIST, client, channel, mask, setBy, String.valueOf(epochSeconds));
    }

    public IrcMessage endOfBanList(String client, String channel) {
        return endOfBanList(client, channel, "End of channel ban list");
    }

    /** 368 with its own text (e.g. why the list is empty). */
    public IrcMessage endOfBanList(String client, String channel, String text) {
        return reply(RPL_ENDOFBANLIST, client, channel, text);
    }

    // ---- errors

    public IrcMessage noSuchNick(String client, String nick) {
        return reply(ERR_NOSUCHNICK, client, nick, "No such nick/channel");
    }

    public IrcMessage noSuchChannel(String client, String channel) {
        return reply(ERR_NOSUCHCHANNEL, client, channel, "No such channel");
    }

    public IrcMessage cannotSendToChannel(String client, String channel) {
        return reply(ERR_CANNOTSENDTOCHAN, client, channel, "Cannot send to channel");
    }

    public IrcMessage tooManyChannels(String client, String channel) {
        return reply(ERR_TOOMANYCHANNELS, client, channel, "You have joined too many channels");
    }

    public IrcMessage noOrigin(String client) {
        return reply(ERR_NOORIGIN, client, "No origin specified");
    }

    public IrcMessage invalidCapCommand(String client, String subcommand) {
        return reply(ERR_INVALIDCAPCMD, client, subcommand, "Invalid CAP command");
    }

    public IrcMessage noRecipient(String client, String command) {
        return reply(ERR_NORECIPIENT, client, "No recipient given (" + command + ")");
    }

    public IrcMessage noTextToSend(String client) {
        return reply(ERR_NOTEXTTOSEND, client, "No text to send");
    }

    public IrcMessage inputTooLong(String client) {
        return reply(ERR_INPUTTOOLONG, client, "Input line was too long");
    }

    public IrcMessage unknownCommand(String client, String command) {
        return reply(ERR_UNKNOWNCOMMAND, client, command, "Unknown command");
    }

    public IrcMessage noNicknameGiven(String client) {
        return reply(ERR_NONICKNAMEGIVEN, client, "No nickname given");
    }

    public IrcMessage erroneousNickname(String client, String nick, String why) {
        return reply(ERR_ERRONEUSNICKNAME, client, nick, why == null ? "Erroneous nickname" : why);
    }

    public IrcMessage nicknameInUse(String client, String nick) {
        return reply(ERR_NICKNAMEINUSE, client, nick, "Nickname is already in use");
    }

    public IrcMessage userNotInChannel(String client, String nick, String channel) {
        return reply(ERR_USERNOTINCHANNEL, client, nick, channel, "They aren't on that channel");
    }

    public IrcMessage notOnChannel(String client, String channel) {
        return reply(ERR_NOTONCHANNEL, client, channel, "You're not on that channel");
    }

    public IrcMessage userOnChannel(String client, String nick, String channel) {
        return reply(ERR_USERONCHANNEL, client, nick, channel, "is already on channel");
    }

    /** 451, with the text saying what to do (Parley also uses it for "log in first"). */
    public IrcMessage notRegistered(String client, String text) {
        return reply(ERR_NOTREGISTERED, client, text == null ? "You have not registered" : text);
    }

    public IrcMessage needMoreParams(String client, String command) {
        return reply(ERR_NEEDMOREPARAMS, client, command, "Not enough parameters");
    }

    public IrcMessage alreadyRegistered(String client) {
        return reply(ERR_ALREADYREGISTERED, client, "You may not reregister");
    }

    public IrcMessage passwordMismatch(String client) {
        return reply(ERR_PASSWDMISMATCH, client, "Password incorrect");
    }

    public IrcMessage bannedFromServer(String client, String why) {
        return reply(ERR_YOUREBANNEDCREEP, client, why == null ? "You are banned from this server" : why);
    }

    public IrcMessage channelIsFull(String client, String channel) {
        return reply(ERR_CHANNELISFULL, client, channel, "Cannot join channel (+l)");
    }

    public IrcMessage unknownMode(String client, char mode) {
        return reply(ERR_UNKNOWNMODE, client, String.valueOf(mode), "is unknown mode char to me");
    }

    public IrcMessage inviteOnlyChannel(String client, String channel) {
        return reply(ERR_INVITEONLYCHAN, client, channel, "Cannot join channel (+i)");
    }

    public IrcMessage bannedFromChannel(String client, String channel) {
        return reply(ERR_BANNEDFROMCHAN, client, channel, "Cannot join channel (+b)");
    }

    public IrcMessage badChannelKey(String client, String channel) {
        return reply(ERR_BADCHANNELKEY, client, channel, "Cannot join channel (+k)");
    }

    /** 476, with the client first like every other numeric (the modern docs show it without). */
    public IrcMessage badChannelMask(String client, String channel) {
        return reply(ERR_BADCHANMASK, client, channel, "Bad Channel Mask");
    }

    public IrcMessage needRegisteredNick(String client, String channel) {
        return reply(ERR_NEEDREGGEDNICK, client, channel, "You need to be logged in to join that channel");
    }

    public IrcMessage noPrivileges(String client) {
        return reply(ERR_NOPRIVILEGES, client, "Permission Denied- You're not an IRC operator");
    }

    public IrcMessage chanOpPrivsNeeded(String client, String channel) {
        return reply(ERR_CHANOPRIVSNEEDED, client, channel, "You're not channel operator");
    }

    public IrcMessage unknownUserModeFlag(String client) {
        return reply(ERR_UMODEUNKNOWNFLAG, client, "Unknown MODE flag");
    }

    public IrcMessage usersDontMatch(String client) {
        return reply(ERR_USERSDONTMATCH, client, "Cant change mode for other users");
    }

    // ---- SASL and accounts

    public IrcMessage loggedIn(String client, String mask, String account) {
        return reply(RPL_LOGGEDIN, client, mask, account, "You are now logged in as " + account);
    }

    public IrcMessage loggedOut(String client, String mask) {
        return reply(RPL_LOGGEDOUT, client, mask, "You are now logged out");
    }

    public IrcMessage nickLocked(String client) {
        return reply(ERR_NICKLOCKED, client, "You must use a nick assigned to you");
    }

    public IrcMessage saslSuccess(String client) {
        return reply(RPL_SASLSUCCESS, client, "SASL authentication successful");
    }

    public IrcMessage saslFail(String client) {
        return reply(ERR_SASLFAIL, client, "SASL authentication failed");
    }

    public IrcMessage saslTooLong(String client) {
        return reply(ERR_SASLTOOLONG, client, "SASL message too long");
    }

    public IrcMessage saslAborted(String client) {
        return reply(ERR_SASLABORTED, client, "SASL authentication aborted");
    }

    public IrcMessage saslAlready(String client) {
        return reply(ERR_SASLALREADY, client, "You have already authenticated using SASL");
    }

    public IrcMessage saslMechanisms(String client, String mechanisms) {
        return reply(RPL_SASLMECHS, client, mechanisms, "are available SASL mechanisms");
    }

    // ---- IRCv3 standard replies

    /** {@code FAIL <command> <code> [<context>...] <description>}; command "*" when none applies. */
    public IrcMessage fail(String command, String code, String description, String... context) {
        return standardReply("FAIL", command, code, description, context);
    }

    public IrcMessage warn(String command, String code, String description, String... context) {
        return standardReply("WARN", command, code, description, context);
    }

    public IrcMessage note(String command, String code, String description, String... context) {
        return standardReply("NOTE", command, code, description, context);
    }

    private IrcMessage standardReply(String type, String command, String code, String description, String[] context) {
        List<String> p = new ArrayList<>(context.length + 3);
        p.add(command);
        p.add(code);
        Collections.addAll(p, context);
        p.add(description);
        return new IrcMessage(null, server, type, p);
    }

    /**
     * {@code code client fixed... :word word ...}, with as many words per line as fit in 512 bytes; at least one
     * line even without words.
     */
    private List<IrcMessage> packed(String code, String client, List<String> fixed, Collection<String> words) {
        List<String> head = new ArrayList<>();
        head.add(client == null || client.isEmpty() ? "*" : client);
        head.addAll(fixed);
        int headBytes = IrcText.utf8Length(":" + server + " " + code + " " + String.join(" ", head) + " :");
        int room = IrcLimits.MAX_BODY - headBytes;
        List<IrcMessage> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            int size = IrcText.utf8Length(word);
            if (line.length() > 0 && IrcText.utf8Length(line.toString()) + 1 + size > room) {
                out.add(packedLine(code, head, line.toString()));
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) out.add(packedLine(code, head, line.toString()));
        return out;
    }

    private IrcMessage packedLine(String code, List<String> head, String text) {
        List<String> p = new ArrayList<>(head);
        p.add(text);
        return new IrcMessage(null, server, code, p);
    }
}
