package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated target lists ({@code JOIN #a,#b}, {@code PRIVMSG alice,#dev}) and what each target is. */
public final class IrcTargets {

    private IrcTargets() {
    }

    /** The non-empty items of a comma-separated list, in order; null is an empty list. */
    public static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        if (list == null) return out;
        for (String item : list.split(",")) {
            if (!item.isEmpty()) out.add(item);
        }
        return out;
    }

    /** A channel target ({@code CHANTYPES=#}); whether the name is valid is {@link dev.parley.protocol.RoomName}'s. */
    public static boolean isChannel(String target) {
        return target != null && target.startsWith("#");
    }
}
