package dev.parley.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns one line typed by a human into a {@link Request}: {@code /command args} in the {@link SlashGrammar}, or
 * plain text, which is a group message. An empty line yields null (nothing to do).
 */
public final class TextRequestParser {

    private TextRequestParser() {
    }

    public static Request parse(byte[] line) throws DecodeException {
        String text = decodeUtf8(line).strip();
        if (text.isEmpty()) return null;
        if (!text.startsWith("/")) {
            return SlashGrammar.SAY.request(text);
        }
        String[] head = text.substring(1).split("\\s+", 2);
        String verb = head[0].toLowerCase(Locale.ROOT);
        String rest = head.length > 1 ? head[1] : "";
        SlashCommand command = SlashGrammar.byVerbOrOp(verb);
        if (command != null) {
            return command.request(command.arguments(rest));
        }
        // /quit, /exit: a human on telnet has no other way to say goodbye
        if (verb.equals("quit") || verb.equals("exit")) {
            return new Request(Ops.LOGOUT, null, Json.object());
        }
        // /help, and unknown verbs, which the command table answers with UNKNOWN_OP
        return new Request(verb, null, Json.object());
    }

    static String decodeUtf8(byte[] line) throws DecodeException {
        // Nearly every line is ASCII: one copy into a compact string, instead of a CharsetDecoder, a CharBuffer
        // and a copy out of it (42 % of the bytes a private message allocated on the server, docs/performance.md).
        if (ascii(line)) return new String(line, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException("invalid UTF-8");
        }
    }

    private static boolean ascii(byte[] line) {
        for (byte b : line) {
            if (b < 0) return false;
        }
        return true;
    }
}
