package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading JSON-lines frames in tests: error codes, frame kinds, user lists. */
public final class Replies {
    private Replies() {
    }

    /** The error code of a reply ("" when it succeeded). */
    public static String code(JsonNode reply) {
        return reply.path("error").path("code").asText();
    }

    /** "OK" for a successful reply, else its error code. */
    public static String outcome(JsonNode reply) {
        return reply.path("ok").asBoolean() ? "OK" : code(reply);
    }

    public static boolean isOp(JsonNode f, String op) {
        return op.equals(f.path("op").asText());
    }

    public static boolean isMessage(JsonNode f) {
        return isOp(f, "message");
    }

    public static boolean isMessage(JsonNode f, String text) {
        return isMessage(f) && text.equals(f.path("text").asText());
    }

    public static boolean isPresenceOf(JsonNode f, String user) {
        return isOp(f, "presence") && user.equals(f.path("user").asText());
    }

    public static boolean isPresence(JsonNode f, String user, String status) {
        return isPresenceOf(f, user) && status.equals(f.path("status").asText());
    }

    public static boolean isBye(JsonNode f) {
        return isOp(f, "bye");
    }

    /** {@code actual} is the message {@code expected} stands for (a reply or a delivery): same id, same time. */
    public static void assertSameMessage(JsonNode expected, JsonNode actual) {
        assertEquals(expected.path("id").asText(), actual.path("id").asText(), "id of " + actual);
        assertEquals(expected.path("ts").asLong(), actual.path("ts").asLong(), "ts of " + actual);
    }

    /** The user names of a who/online list, in order. */
    public static List<String> users(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("user").asText()));
        return out;
    }
}
