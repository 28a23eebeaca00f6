package dev.parley.gateway.irc;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.irc.ISupport;
import dev.parley.protocol.irc.Nicks;
import dev.parley.protocol.irc.Numerics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every IRC session of a node shows alike: the server name, the network, the MOTD and 005's values (from
 * configuration: rooms.perUser, limits.maxTextChars...).
 *
 * @param motd the MOTD's lines; empty = 422
 */
public record IrcServerInfo(String server, String network, String version, String created, List<String> motd,
                            ISupport.Settings isupport, IrcEventRenderer renderer) {

    /** Longest AWAY message (the limit of every protocol's away) and KICK reason (IRC clients' usual value). */
    static final int AWAY_LEN = dev.parley.gateway.AwayCommands.MAX_AWAY_CHARS;
    static final int KICK_LEN = 300;
    /** Longest USER name kept (only shown before login). */
    static final int USER_LEN = 16;
    /** Mode changes with an argument per MODE command. */
    static final int MODES = 4;
    /** MAXLIST b: bans one MODE +b list shows (Parley keeps bans per account without a cap; the list is the first ones). */
    static final int MAX_BANS = 100;
    /** Targets of one PRIVMSG/NOTICE. */
    static final int MAX_TARGETS = 4;
    /**
     * Messages per CHATHISTORY answer (005 CHATHISTORY), also capped by rooms.listMax, the rooms service's page: a
     * client scrolling back asks again with BEFORE, so a page need not be large, and one costs a history read.
     */
    static final int CHATHISTORY_MAX = 100;

    public static IrcServerInfo of(ParleyConfig.Irc irc, ParleyConfig.Limits limits, ParleyConfig.Rooms rooms,
                                   IrcEventRenderer renderer, String created) {
        ISupport.Settings s = new ISupport.Settings(irc.network(), Nicks.MAX_LENGTH, limits.maxTextChars(), KICK_LEN,
                AWAY_LEN, USER_LEN, rooms.perUser(), MAX_TARGETS, MAX_BANS, MODES,
                Math.min(CHATHISTORY_MAX, rooms.listMax()), false);
        return new IrcServerInfo(renderer.server(), irc.network(), "parley-1", created, motd(irc.motd()), s, renderer);
    }

    /** The MOTD: the file's lines when {@code motd} names a readable file, else the text's lines. */
    static List<String> motd(String motd) {
        if (motd == null || motd.isBlank()) return List.of();
        String text = motd;
        try {
            Path p = Path.of(motd.trim());
            if (Files.isRegularFile(p)) text = Files.readString(p);
        } catch (IOException | RuntimeException e) {
            // not a readable path: the value is the text itself
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) lines.add(line);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        return lines;
    }

    Numerics numerics() {
        return new Numerics(server);
    }
}
