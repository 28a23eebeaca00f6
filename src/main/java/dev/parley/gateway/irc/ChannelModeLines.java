package dev.parley.gateway.irc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Fields;
import dev.parley.protocol.irc.ChannelModes;
import dev.parley.protocol.irc.IrcMessage;
import dev.parley.protocol.irc.Numerics;

import java.util.ArrayList;
import java.util.List;

/**
 * A channel's modes as IRC lines: a change ({@code :setter MODE #room +o nick}), the answer to {@code MODE #room}
 * (324, 329) and the ban list (367, 368), from the rooms service's members reply (which carries the room's modes).
 */
final class ChannelModeLines {
    /**
     * Always on, so always shown: only members speak in a room (n, no external messages) and only operators set the
     * topic (t). 005 CHANMODES lists them as flags.
     */
    static final String FIXED = "nt";

    private ChannelModeLines() {
    }

    /** {@code :source MODE #room +o nick}; a ban shows as the account's mask; +i/-i has no argument. */
    static IrcMessage change(String source, String channel, String change, String user) {
        if (user == null || change.endsWith("i")) return IrcMessage.from(source, "MODE", channel, change);
        String arg = change.endsWith("b") ? ChannelModes.banMask(user) : user;
        return IrcMessage.from(source, "MODE", channel, change, arg);
    }

    /** 324 with the room's modes ("+int" for an invite-only room), then 329 when its creation time is known. */
    static List<IrcMessage> modeIs(Numerics n, String me, String channel, JsonNode members) {
        List<IrcMessage> out = new ArrayList<>();
        String flags = (members.path(Fields.INVITE_ONLY).asBoolean() ? "i" : "") + FIXED;
        out.add(n.channelModeIs(me, channel, "+" + sorted(flags)));
        long created = members.path(Fields.CREATED_AT).asLong();
        if (created > 0) out.add(n.creationTime(me, channel, created / 1000));
        return out;
    }

    /** 367 per ban then 368; a member who is no operator gets 368 alone, saying why (bans are shown to operators). */
    static List<IrcMessage> banList(Numerics n, String me, String channel, JsonNode members) {
        JsonNode banned = members.get(Fields.BANNED);
        if (banned == null || !banned.isArray()) {
            return List.of(n.endOfBanList(me, channel, "End of channel ban list (shown to channel operators only)"));
        }
        List<IrcMessage> out = new ArrayList<>();
        for (JsonNode account : banned) {
            if (out.size() == IrcServerInfo.MAX_BANS) break;   // MAXLIST=b:100, as 005 says
            out.add(n.banList(me, channel, ChannelModes.banMask(account.asText()), null, 0));
        }
        out.add(n.endOfBanList(me, channel));
        return out;
    }

    private static String sorted(String flags) {
        char[] c = flags.toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }
}
