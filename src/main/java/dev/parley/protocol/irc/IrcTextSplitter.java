package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message whose last parameter (PRIVMSG/NOTICE text) would take the line over 512 bytes into several
 * messages with the same tags, source, command and other parameters. Each piece ends between characters (never
 * inside a UTF-8 sequence or a surrogate pair), at the last space of the piece when that space is in its second
 * half (the space stays at the end of the piece), so words are kept whole where possible. The text is
 * {@link IrcText#clean cleaned} first, so the pieces join back to exactly what the writer would have written.
 */
public final class IrcTextSplitter {

    private IrcTextSplitter() {
    }

    public static List<IrcMessage> split(IrcMessage m) {
        if (m.params().isEmpty()) return List.of(m);
        String text = IrcText.clean(m.last());
        // The longest head: the text is always written after " :".
        int room = IrcLimits.MAX_BODY - IrcText.utf8Length(IrcWriter.body(m, true) + " :");
        if (room < 4) throw new IllegalArgumentException("no room for text in: " + m.command());
        List<String> pieces = pieces(text, room);
        List<IrcMessage> out = new ArrayList<>(pieces.size());
        List<String> params = new ArrayList<>(m.params());
        for (String piece : pieces) {
            params.set(params.size() - 1, piece);
            out.add(new IrcMessage(m.tags(), m.source(), m.command(), params));
        }
        return out;
    }

    /** Pieces of at most {@code maxBytes} UTF-8 bytes each whose concatenation is {@code text}. */
    static List<String> pieces(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (IrcText.utf8Length(rest) > maxBytes) {
            String head = IrcWriter.truncate(rest, maxBytes);
            int space = head.lastIndexOf(' ');
            if (space >= head.length() / 2 && space > 0) head = head.substring(0, space + 1);
            pieces.add(head);
            rest = rest.substring(head.length());
        }
        pieces.add(rest);
        return pieces;
    }
}
