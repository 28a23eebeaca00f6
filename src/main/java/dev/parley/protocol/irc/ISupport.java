package dev.parley.protocol.irc;

import dev.parley.protocol.RoomName;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The 005 RPL_ISUPPORT tokens, with true values: those fixed by Parley's model (channels are rooms, nicks are
 * account ids, ASCII case mapping, operators as the only prefix, bans and invite-only as the only channel modes) and
 * those from configuration, passed in as {@link Settings}. {@link #lines} spreads them over as many 005 lines as
 * needed: at most 13 tokens each (15 parameters with the nick and the closing text) and 512 bytes.
 */
public final class ISupport {
    /** Channel modes: A (lists) b; B and C none; D (flags) i, and n and t (always on). Operators are in PREFIX, not here. */
    public static final String CHANMODES = "b,,,int";
    public static final String PREFIX = "(o)@";
    private static final int MAX_TOKENS_PER_LINE = 13;

    /**
     * What comes from configuration; the integration fills it from Parley's config.
     *
     * @param network        NETWORK, shown by clients as the network's name
     * @param nickLen        NICKLEN, the longest account id (32)
     * @param topicLen       TOPICLEN
     * @param kickLen        KICKLEN, the longest kick reason
     * @param awayLen        AWAYLEN
     * @param userLen        USERLEN, the longest user name in nick!user@host
     * @param channelLimit   CHANLIMIT's number: rooms per user ({@code rooms.perUser})
     * @param maxTargets     MAXTARGETS, and PRIVMSG/NOTICE in TARGMAX
     * @param maxBans        MAXLIST for b
     * @param modesPerCommand MODES, mode changes with a parameter in one MODE command
     * @param chatHistoryMax CHATHISTORY, messages per request; 0 leaves CHATHISTORY and MSGREFTYPES out
     * @param whox           WHOX, when the gateway answers 354 to {@code WHO mask %fields}
     */
    public record Settings(String network, int nickLen, int topicLen, int kickLen, int awayLen, int userLen,
                           int channelLimit, int maxTargets, int maxBans, int modesPerCommand, int chatHistoryMax,
                           boolean whox) {
    }

    private ISupport() {
    }

    /** Every token, sorted by name. */
    public static List<String> tokens(Settings s) {
        TreeMap<String, String> t = new TreeMap<>();
        t.put("AWAYLEN", String.valueOf(s.awayLen()));
        t.put("CASEMAPPING", "ascii");
        t.put("CHANLIMIT", "#:" + s.channelLimit());
        t.put("CHANMODES", CHANMODES);
        t.put("CHANNELLEN", String.valueOf(RoomName.MAX_LENGTH));
        t.put("CHANTYPES", "#");
        if (s.chatHistoryMax() > 0) {
            t.put("CHATHISTORY", String.valueOf(s.chatHistoryMax()));
            t.put("MSGREFTYPES", "msgid,timestamp");
        }
        t.put("KICKLEN", String.valueOf(s.kickLen()));
        t.put("MAXLIST", "b:" + s.maxBans());
        t.put("MAXTARGETS", String.valueOf(s.maxTargets()));
        t.put("MODES", String.valueOf(s.modesPerCommand()));
        t.put("NETWORK", s.network());
        t.put("NICKLEN", String.valueOf(s.nickLen()));
        t.put("PREFIX", PREFIX);
        t.put("SAFELIST", null);
        t.put("TARGMAX", "JOIN:,KICK:1,NAMES:1,NOTICE:" + s.maxTargets() + ",PART:,PRIVMSG:" + s.maxTargets()
                + ",WHOIS:1");
        t.put("TOPICLEN", String.valueOf(s.topicLen()));
        t.put("USERLEN", String.valueOf(s.userLen()));
        t.put("UTF8ONLY", null);
        if (s.whox()) t.put("WHOX", null);
        List<String> out = new ArrayList<>(t.size());
        t.forEach((k, v) -> out.add(v == null ? k : k + "=" + v));
        return out;
    }

    /** The 005 lines for {@code client}. */
    public static List<IrcMessage> lines(Numerics numerics, String client, Settings s) {
        // ":server 005 client " + tokens + " :are supported by this server"
        int fixed = IrcText.utf8Length(":" + numerics.server() + " 005 " + client + " :are supported by this server");
        List<IrcMessage> out = new ArrayList<>();
        List<String> line = new ArrayList<>();
        int bytes = fixed;
        for (String token : tokens(s)) {
            int size = 1 + IrcText.utf8Length(token);
            if (!line.isEmpty() && (line.size() == MAX_TOKENS_PER_LINE || bytes + size > IrcLimits.MAX_BODY)) {
                out.add(numerics.isupport(client, line));
                line = new ArrayList<>();
                bytes = fixed;
            }
            line.add(token);
            bytes += size;
        }
        if (!line.isEmpty()) out.add(numerics.isupport(client, line));
        return out;
    }
}
