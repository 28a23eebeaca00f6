package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one line typed by a human into a {@link Request}: {@code /command args}, or plain
 * text, which is a group message. An empty line yields null (nothing to do).
 */
public final class TextRequestParser {

    private TextRequestParser() {
    }

    public static Request parse(byte[] line) throws DecodeException {
        String text = decodeUtf8(line).strip();
        if (text.isEmpty()) return null;
        ObjectNode f = Json.object();
        if (!text.startsWith("/")) {
            f.put("text", text);
            return new Request("say", null, f);
        }
        String[] head = text.substring(1).split("\\s+", 2);
        String verb = head[0].toLowerCase(java.util.Locale.ROOT);
        String rest = head.length > 1 ? head[1] : "";
        switch (verb) {
            // /register <id> <password> [name...]
            case "register" -> {
                String[] a = rest.split("\\s+", 3);
                putIfPresent(f, "user", a, 0);
                putIfPresent(f, "password", a, 1);
                putIfPresent(f, "name", a, 2);
                return new Request("register", null, f);
            }
            // /login <id> <password>
            case "login" -> {
                String[] a = rest.split("\\s+", 2);
                putIfPresent(f, "user", a, 0);
                putIfPresent(f, "password", a, 1);
                return new Request("login", null, f);
            }
            // /msg <id> <text...>
            case "msg" -> {
                String[] a = rest.split("\\s+", 2);
                putIfPresent(f, "to", a, 0);
                putIfPresent(f, "text", a, 1);
                return new Request("msg", null, f);
            }
            // /say <text...> (same as a plain line; lets a message start with '/')
            case "say" -> {
                if (!rest.isEmpty()) f.put("text", rest);
                return new Request("say", null, f);
            }
            // /password <old> <new>
            case "password" -> {
                String[] a = rest.split("\\s+", 2);
                putIfPresent(f, "old", a, 0);
                putIfPresent(f, "new", a, 1);
                return new Request("password", null, f);
            }
            // /name <new name...>
            case "name", "rename" -> {
                if (!rest.isEmpty()) f.put("name", rest);
                return new Request("rename", null, f);
            }
            // /delete-account <password>
            case "delete-account", "delete_account" -> {
                putIfPresent(f, "password", new String[]{rest}, 0);
                return new Request("delete_account", null, f);
            }
            case "who", "help", "ping", "logout" -> {
                return new Request(verb, null, f);
            }
            case "quit", "exit" -> {
                return new Request("logout", null, f);
            }
            default -> {
                return new Request(verb, null, f);
            }
        }
    }

    private static void putIfPresent(ObjectNode f, String key, String[] parts, int index) {
        if (parts.length > index && !parts[index].isEmpty()) {
            f.put(key, parts[index]);
        }
    }

    static String decodeUtf8(byte[] line) throws DecodeException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException("invalid UTF-8");
        }
    }
}
