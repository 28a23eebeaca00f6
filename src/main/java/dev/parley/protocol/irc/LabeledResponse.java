package dev.parley.protocol.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * IRCv3 labeled-response: everything a labeled command produced, as one logical answer carrying the client's
 * {@code label} exactly once. Nothing: {@code ACK}; one line: that line tagged; one batch (a CHATHISTORY answer): its
 * start tagged; several lines: a {@code labeled-response} batch whose start is tagged.
 */
public final class LabeledResponse {
    /** The spec's bound on a label's value; a longer one is ignored (the command runs unlabeled). */
    public static final int MAX_LABEL_BYTES = 64;

    private LabeledResponse() {
    }

    /** The label of a client's line, or null when it has none usable (absent, empty or over 64 bytes). */
    public static String labelOf(IrcMessage m) {
        String label = m.tags().get(IrcTags.LABEL);
        if (label == null || label.isEmpty() || label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) return null;
        return label;
    }

    /** The answer to a command labeled {@code label} that produced {@code lines}. */
    public static List<IrcMessage> answer(String label, List<IrcMessage> lines, String server, IrcBatches batches) {
        if (lines.isEmpty()) return List.of(new IrcMessage(null, server, "ACK", List.of()).withTag(IrcTags.LABEL, label));
        if (lines.size() == 1) return List.of(lines.get(0).withTag(IrcTags.LABEL, label));
        List<IrcMessage> out = new ArrayList<>(IrcBatches.isOneBatch(lines) ? lines
                : batches.wrap(IrcBatches.LABELED_RESPONSE, List.of(), lines));
        out.set(0, out.get(0).withTag(IrcTags.LABEL, label));
        return out;
    }
}
