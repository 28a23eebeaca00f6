package dev.parley.gateway.irc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;

/**
 * AWAY and what others see of it: the status lives in Parley's presence (the {@code away} request), so it is one per
 * user across the cluster and every protocol; co-members with away-notify hear changes through the presence fan-out
 * ({@link IrcEventRenderer}); 301 answers a PRIVMSG to an away nick and a WHOIS; WHO shows G (gone) or H (here).
 */
final class IrcAway {
    /** AWAYLEN (005): longer messages are cut, as IRC servers do, rather than refused. */
    static final int MAX_CHARS = IrcServerInfo.AWAY_LEN;

    private final IrcSession s;

    IrcAway(IrcSession session) {
        this.s = session;
    }

    // AWAY [<text>]
    void away(String text) {
        String away = text == null || text.isBlank() ? null : cut(text);
        s.request(Ops.AWAY, away == null ? Json.object() : Json.object().put(Fields.TEXT, away), r -> {
            if (!r.ok()) {
                s.send(s.error(r, "AWAY", null, null));
                return;
            }
            s.send(away == null ? s.numerics().unaway(s.client()) : s.numerics().nowAway(s.client()));
        });
    }

    /** After a PRIVMSG to {@code nick} was delivered live: 301 when they are away (a stored message means offline). */
    void afterPrivateMessage(String nick, JsonNode msgReply) {
        if (msgReply.path(Fields.STORED).asBoolean()) return;
        s.request(Ops.WHOIS, Json.object().put(Fields.USER, nick), r -> {
            if (r.ok() && r.fields().hasNonNull(Fields.AWAY)) s.send(s.numerics().away(s.client(), nick, r.fields().path(Fields.AWAY).asText()));
        });
    }

    /** 301 for a WHOIS of a user as the presence listing shows them, nothing when they are here. */
    void whois(String nick, JsonNode listed) {
        if (listed.hasNonNull(Fields.AWAY)) s.send(s.numerics().away(s.client(), nick, listed.path(Fields.AWAY).asText()));
    }

    /** WHO's first flag: G (gone) for an away user, H (here) otherwise. */
    static String hereOrGone(JsonNode listed) {
        return listed.hasNonNull(Fields.AWAY) ? "G" : "H";
    }

    static boolean isAway(JsonNode listed) {
        return listed != null && listed.hasNonNull(Fields.AWAY);
    }

    /** At most {@link #MAX_CHARS} characters, never splitting a surrogate pair. */
    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARS) return text;
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS));
    }
}
