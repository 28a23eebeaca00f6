package dev.parley.protocol.irc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A {@code CHATHISTORY} line (draft/chathistory) read into a query, or the spec's {@code FAIL CHATHISTORY} reply:
 * {@code LATEST <target> <*|ref> <limit>}, {@code BEFORE|AFTER|AROUND <target> <ref> <limit>} and
 * {@code BETWEEN <target> <ref> <ref> <limit>}, a reference being {@code msgid=<id>} or
 * {@code timestamp=<server-time>}. Targets are channels (rooms keep history; private messages have none to page);
 * TARGETS is not offered (docs/irc.md, deviation 26).
 */
public final class ChatHistoryQuery {
    public static final String COMMAND = "CHATHISTORY";
    private static final String MSGID = "msgid=";
    private static final String TIMESTAMP = "timestamp=";

    /** What a CHATHISTORY line asks for, or why it cannot be answered. */
    public sealed interface Outcome permits Query, Refusal {
    }

    /** A message reference: by id, or by time (epoch milliseconds; {@code msgid} null). */
    public record Ref(String msgid, long ts) {
        public boolean byId() {
            return msgid != null;
        }
    }

    /**
     * @param ref   the reference ({@code null} for LATEST {@code *})
     * @param other BETWEEN's second reference, else null
     * @param limit 1..max
     */
    public record Query(String subcommand, String target, Ref ref, Ref other, int limit) implements Outcome {
    }

    public record Refusal(IrcMessage reply) implements Outcome {
    }

    private ChatHistoryQuery() {
    }

    // CHATHISTORY <subcommand> <target> <reference> [<reference>] <limit>
    public static Outcome parse(IrcMessage m, int max, Numerics n) {
        if (m.params().isEmpty()) return refuse(n.fail(COMMAND, "NEED_MORE_PARAMS", "Insufficient parameters", "*"));
        String sub = m.param(0).toUpperCase(Locale.ROOT);
        boolean between = sub.equals("BETWEEN");
        switch (sub) {
            case "LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN" -> { }
            case "TARGETS" -> {
                return refuse(n.fail(COMMAND, "INVALID_PARAMS", "TARGETS is not supported: ask each channel", sub));
            }
            default -> {
                return refuse(n.fail(COMMAND, "UNKNOWN_COMMAND", "Unknown command", word(sub)));
            }
        }
        if (m.params().size() < (between ? 5 : 4)) return refuse(n.fail(COMMAND, "NEED_MORE_PARAMS", "Insufficient parameters", sub));
        String target = m.param(1);
        if (!IrcTargets.isChannel(target)) {
            return refuse(n.fail(COMMAND, "INVALID_TARGET", "History is kept for channels only", sub, word(target)));
        }
        Ref ref = sub.equals("LATEST") && m.param(2).equals("*") ? null : ref(m.param(2));
        Ref other = between ? ref(m.param(3)) : null;
        if ((ref == null && !sub.equals("LATEST")) || (between && other == null) || (ref == null && !m.param(2).equals("*"))) {
            return refuse(n.fail(COMMAND, "INVALID_PARAMS", "Messages are referenced by msgid=<id> or timestamp=<time>"
                    + (sub.equals("LATEST") ? " or *" : ""), sub));
        }
        int limit = limit(m.param(between ? 4 : 3));
        if (limit <= 0) return refuse(n.fail(COMMAND, "INVALID_PARAMS", "The limit is a positive number", sub));
        return new Query(sub, target, ref, other, Math.min(limit, max));
    }

    /** msgid=id or timestamp=2026-11-30T18:02:03.004Z; null when it is neither. */
    static Ref ref(String text) {
        if (text.startsWith(MSGID) && text.length() > MSGID.length()) return new Ref(text.substring(MSGID.length()), 0);
        if (text.startsWith(TIMESTAMP)) {
            try {
                return new Ref(null, Instant.parse(text.substring(TIMESTAMP.length())).toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static int limit(String text) {
        if (text.isEmpty()) return -1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
        // Any count over the maximum means the maximum; nine digits always fit an int.
        return text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
    }

    /** The client's word echoed in a reply: a middle parameter must be one short token. */
    private static String word(String text) {
        if (text.isEmpty() || text.length() > 50 || text.charAt(0) == ':') return "*";
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) <= ' ') return "*";
        return text;
    }

    private static Refusal refuse(IrcMessage reply) {
        return new Refusal(reply);
    }
}
