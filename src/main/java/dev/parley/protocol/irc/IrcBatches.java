package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection's IRCv3 batches (batch 3.2): {@code BATCH +ref type params...}, the lines tagged {@code batch=ref},
 * then {@code BATCH -ref}. References only need to be unique among the connection's open batches; a counter is.
 */
public final class IrcBatches {
    /** chathistory: a CHATHISTORY answer (draft/chathistory). */
    public static final String CHATHISTORY = "chathistory";
    /** labeled-response: several lines answering one labeled command. */
    public static final String LABELED_RESPONSE = "labeled-response";

    private final String server;
    private long next;

    public IrcBatches(String server) {
        this.server = server;
    }

    /**
     * {@code lines} inside a new batch of {@code type}. A line that already belongs to a batch (a nested one) keeps
     * its tag: its batch's own start and end lines are what join this one.
     */
    public List<IrcMessage> wrap(String type, List<String> params, List<IrcMessage> lines) {
        String ref = Long.toString(++next, 36);
        List<String> start = new ArrayList<>(params.size() + 2);
        start.add("+" + ref);
        start.add(type);
        start.addAll(params);
        List<IrcMessage> out = new ArrayList<>(lines.size() + 2);
        out.add(new IrcMessage(null, server, "BATCH", start));
        for (IrcMessage m : lines) out.add(m.tags().containsKey(IrcTags.BATCH) ? m : m.withTag(IrcTags.BATCH, ref));
        out.add(IrcMessage.from(server, "BATCH", "-" + ref));
        return out;
    }

    /** Whether {@code lines} are exactly one batch: a start, its end last, nothing outside it. */
    public static boolean isOneBatch(List<IrcMessage> lines) {
        if (lines.size() < 2) return false;
        IrcMessage first = lines.get(0);
        IrcMessage last = lines.get(lines.size() - 1);
        if (!first.is("BATCH") || !last.is("BATCH") || first.params().isEmpty() || last.params().isEmpty()) return false;
        String open = first.param(0);
        if (!open.startsWith("+") || !last.param(0).equals("-" + open.substring(1))) return false;
        String ref = open.substring(1);
        for (IrcMessage m : lines.subList(1, lines.size() - 1)) {
            // Lines of a nested batch carry that batch's ref; only lines with no batch at all are outside.
            if (!m.tags().containsKey(IrcTags.BATCH)) return false;
        }
        return !first.tags().containsKey(IrcTags.BATCH) && !ref.isEmpty();
    }
}
