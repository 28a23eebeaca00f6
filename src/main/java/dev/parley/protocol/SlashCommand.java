package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One slash command, {@code /<verb> <arg>...}: argument i fills request field {@code fields[i]}, the last one
 * taking the rest of the line. The first {@code required} arguments are needed for a valid request; checking
 * that is the caller's choice (the console client refuses early, the server's services answer BAD_REQUEST).
 * {@code shape} says how the arguments become fields when it is not simply one per field.
 */
public record SlashCommand(String verb, String op, String syntax, List<String> fields, int required, Shape shape) {

    /** How arguments map to fields. */
    public enum Shape {
        /** One argument per field. */
        PLAIN,
        /**
         * The first field is {@link Fields#ROOM} and may be left out: the first word is the room when it starts
         * with '#' (or when there is nothing else it could be), otherwise the room is absent and the server uses
         * the connection's current room. So a topic or reason starting with '#' needs the room named first.
         */
        OPTIONAL_ROOM,
        /** {@code #room +i|-i|+o user|-o user}: the flag becomes inviteOnly, grantOp or revokeOp. */
        MODE
    }

    /** The pseudo-field of {@link Shape#MODE}'s flag: it counts as an argument but is never sent as such. */
    public static final String MODE_FLAG = "mode";

    public SlashCommand {
        fields = List.copyOf(fields);
    }

    public SlashCommand(String verb, String op, String syntax, List<String> fields, int required) {
        this(verb, op, syntax, fields, required, Shape.PLAIN);
    }

    /**
     * The arguments of {@code rest} (the line after the verb, without surrounding whitespace). For
     * {@link Shape#OPTIONAL_ROOM} the first element is null when the room was left out.
     */
    public List<String> arguments(String rest) {
        if (shape != Shape.OPTIONAL_ROOM || rest.startsWith("#") || rest.isEmpty() || fields.size() == 1) {
            return SlashGrammar.arguments(rest, fields.size());
        }
        List<String> args = new ArrayList<>();
        args.add(null);
        args.addAll(SlashGrammar.arguments(rest, fields.size() - 1));
        return args;
    }

    /**
     * The request, one field per argument given; arguments beyond the fields are ignored. (Parsed arguments are
     * never empty: a missing one is absent, which the services answer with BAD_REQUEST.)
     */
    public Request request(List<String> args) {
        ObjectNode f = Json.object();
        for (int i = 0; i < fields.size() && i < args.size(); i++) {
            String value = args.get(i);
            if (value != null) put(f, fields.get(i), value);
        }
        if (shape == Shape.MODE) mode(f);
        return new Request(op, null, f);
    }

    public Request request(String... args) {
        return request(Arrays.asList(args));
    }

    /** A count is sent as a JSON number when it is one, else as typed (and refused by the server). */
    private static void put(ObjectNode f, String field, String value) {
        if (field.equals(Fields.LIMIT) && value.matches("[0-9]{1,9}")) {
            f.put(field, Integer.parseInt(value));
        } else {
            f.put(field, value);
        }
    }

    /** +i / -i: invite-only on or off; +o user / -o user: grant or revoke operator. Anything else sends no change. */
    private static void mode(ObjectNode f) {
        String flag = f.path(MODE_FLAG).asText("");
        String user = f.path(Fields.USER).textValue();
        f.remove(MODE_FLAG);
        f.remove(Fields.USER);
        switch (flag) {
            case "+i" -> f.put(Fields.INVITE_ONLY, true);
            case "-i" -> f.put(Fields.INVITE_ONLY, false);
            case "+o" -> {
                if (user != null) f.put(Fields.GRANT_OP, user);
            }
            case "-o" -> {
                if (user != null) f.put(Fields.REVOKE_OP, user);
            }
            default -> {
                // no change named: the server answers BAD_REQUEST
            }
        }
    }
}
