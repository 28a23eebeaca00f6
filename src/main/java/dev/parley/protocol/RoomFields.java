package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of the room requests (join, part, say, rooms, members, topic, kick, ban, unban, invite, mode,
 * history, room) the same way for every protocol, so the gateway's handlers only decide, never parse. Each
 * method returns the value or throws a {@link RequestProblem} carrying the error code and a sentence for the client.
 */
public final class RoomFields {

    /** What a mode request changes: exactly one thing per request. */
    public record ModeChange(Kind kind, String user) {
        public enum Kind { INVITE_ONLY, OPEN, GRANT_OP, REVOKE_OP }
    }

    private RoomFields() {
    }

    /** The named room, else {@code current} (the connection's current room; null: the room is required). */
    public static String room(Request r, String current) throws RequestProblem {
        JsonNode n = r.fields().get(Fields.ROOM);
        if (n == null || n.isNull()) {
            if (current == null) throw new RequestProblem(ChatError.BAD_REQUEST, "\"room\" is required");
            return current;
        }
        if (!n.isTextual() || !RoomName.valid(n.textValue())) {
            throw new RequestProblem(ChatError.INVALID_ROOM, ChatError.INVALID_ROOM.defaultMessage);
        }
        return n.textValue();
    }

    /** The user acted on (kick, ban, unban, invite). */
    public static String user(Request r) throws RequestProblem {
        String user = r.text(Fields.USER);
        if (user == null || user.isEmpty()) throw new RequestProblem(ChatError.BAD_REQUEST, "who? \"user\" is required");
        return user;
    }

    /** An optional free text (part/kick reason, topic): null when absent; at most {@code maxChars} characters. */
    public static String optionalText(Request r, String field, int maxChars) throws RequestProblem {
        JsonNode n = r.fields().get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new RequestProblem(ChatError.BAD_REQUEST, "\"" + field + "\" must be a string");
        String text = n.textValue();
        // half a surrogate pair cannot be stored or shown as UTF-8
        if (Utf16.hasUnpairedSurrogate(text)) {
            throw new RequestProblem(ChatError.BAD_REQUEST, "\"" + field + "\" is not valid Unicode (unpaired surrogate)");
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw new RequestProblem(ChatError.TEXT_TOO_LONG, "\"" + field + "\" is limited to " + maxChars + " characters");
        }
        return text;
    }

    /** A page or history size: {@code otherwise} when absent, else a whole number from 1 to {@code max}. */
    public static int limit(Request r, int otherwise, int max) throws RequestProblem {
        JsonNode n = r.fields().get(Fields.LIMIT);
        if (n == null || n.isNull()) return otherwise;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 1 || n.intValue() > max) {
            throw new RequestProblem(ChatError.BAD_REQUEST, "\"limit\" must be a whole number from 1 to " + max);
        }
        return n.intValue();
    }

    /** A paging or history cursor (after, before): null when absent. */
    public static String cursor(Request r, String field) throws RequestProblem {
        JsonNode n = r.fields().get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > 128) {
            throw new RequestProblem(ChatError.BAD_REQUEST, "\"" + field + "\" must be a name or id from a previous reply");
        }
        return n.textValue();
    }

    /** The one change a mode request names: inviteOnly (true/false), grantOp or revokeOp. */
    public static ModeChange mode(Request r) throws RequestProblem {
        JsonNode inviteOnly = r.fields().get(Fields.INVITE_ONLY);
        String grant = r.text(Fields.GRANT_OP);
        String revoke = r.text(Fields.REVOKE_OP);
        int named = (inviteOnly != null && !inviteOnly.isNull() ? 1 : 0) + (grant != null ? 1 : 0) + (revoke != null ? 1 : 0);
        if (named != 1) {
            throw new RequestProblem(ChatError.BAD_REQUEST,
                    "name one change: \"inviteOnly\" (true/false), \"grantOp\" or \"revokeOp\" (a user id); text: /mode #room +i|-i|+o <id>|-o <id>");
        }
        if (grant != null) return new ModeChange(ModeChange.Kind.GRANT_OP, nonEmpty(grant));
        if (revoke != null) return new ModeChange(ModeChange.Kind.REVOKE_OP, nonEmpty(revoke));
        if (!inviteOnly.isBoolean()) throw new RequestProblem(ChatError.BAD_REQUEST, "\"inviteOnly\" must be true or false");
        return new ModeChange(inviteOnly.booleanValue() ? ModeChange.Kind.INVITE_ONLY : ModeChange.Kind.OPEN, null);
    }

    private static String nonEmpty(String user) throws RequestProblem {
        if (user.isEmpty()) throw new RequestProblem(ChatError.BAD_REQUEST, "an operator change needs a user id");
        return user;
    }
}
