package dev.parley.protocol.irc;

import java.util.Locale;

/**
 * {@code CHATHISTORY} (draft/chathistory) as far as rooms' history pages it: backwards from the newest message or
 * from a message id. {@code LATEST <target> <*|msgid=id> <limit>} (the newest messages, after {@code id} when given)
 * and {@code BEFORE <target> msgid=<id> <limit>}. Other subcommands, timestamp references and non-channel targets
 * are refused with the spec's {@code FAIL CHATHISTORY} replies (docs/irc.md, deviation 16).
 */
public final class ChatHistoryQuery {
    public static final String COMMAND = "CHATHISTORY";
    private static final String MSGID = "msgid=";

    /** What a CHATHISTORY line asks for, or why it cannot be answered. */
    public sealed interface Outcome permits Query, Refusal {
    }

    /**
     * @param after  LATEST with a message id: only messages newer than it (null for {@code *} and for BEFORE)
     * @param before BEFORE's message id (null for LATEST)
     * @param limit  1..max
     */
    public record Query(String subcommand, String target, String after, String before, int limit) implements Outcome {
    }

    public record Refusal(IrcMessage reply) implements Outcome {
    }

    private ChatHistoryQuery() {
    }

    // CHATHISTORY <subcommand> <target> <reference> <limit>
    public static Outcome parse(IrcMessage m, int max, Numerics n) {
        if (m.params().isEmpty()) return refuse(n.fail(COMMAND, "NEED_MORE_PARAMS", "Insufficient parameters", "*"));
        String sub = m.param(0).toUpperCase(Locale.ROOT);
        boolean latest = sub.equals("LATEST");
        if (!latest && !sub.equals("BEFORE")) {
            if (sub.equals("AFTER") || sub.equals("AROUND") || sub.equals("BETWEEN") || sub.equals("TARGETS")) {
                return refuse(n.fail(COMMAND, "INVALID_PARAMS", "Parley's history is read backwards only: use LATEST or BEFORE", sub));
            }
            return refuse(n.fail(COMMAND, "UNKNOWN_COMMAND", "Unknown command", word(sub)));
        }
        if (m.params().size() < 4) return refuse(n.fail(COMMAND, "NEED_MORE_PARAMS", "Insufficient parameters", sub));
        String target = m.param(1);
        if (!IrcTargets.isChannel(target)) {
            return refuse(n.fail(COMMAND, "INVALID_TARGET", "History is kept for channels only", sub,
                    word(target)));
        }
        String reference = m.param(2);
        String id = null;
        if (reference.startsWith(MSGID) && reference.length() > MSGID.length()) {
            id = reference.substring(MSGID.length());
        } else if (!(latest && reference.equals("*"))) {
            return refuse(n.fail(COMMAND, "INVALID_PARAMS", "Messages are referenced by msgid=<id>"
                    + (latest ? " or *" : ""), sub));
        }
        int limit = limit(m.param(3));
        if (limit <= 0) return refuse(n.fail(COMMAND, "INVALID_PARAMS", "The limit is a positive number", sub));
        return new Query(sub, target, latest ? id : null, latest ? null : id, Math.min(limit, max));
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
