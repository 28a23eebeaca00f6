package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;

/**
 * One slash command, {@code /<verb> <arg>...}: argument i fills request field {@code fields[i]}, the last one
 * taking the rest of the line. The first {@code required} arguments are needed for a valid request; checking
 * that is the caller's choice (the console client refuses early, the server's services answer BAD_REQUEST).
 */
public record SlashCommand(String verb, String op, String syntax, List<String> fields, int required) {

    public SlashCommand {
        fields = List.copyOf(fields);
    }

    /** The arguments of {@code rest} (the line after the verb, without surrounding whitespace). */
    public List<String> arguments(String rest) {
        return SlashGrammar.arguments(rest, fields.size());
    }

    /**
     * The request, one field per argument given; arguments beyond the fields are ignored. (Parsed arguments are
     * never empty: a missing one is absent, which the services answer with BAD_REQUEST.)
     */
    public Request request(List<String> args) {
        ObjectNode f = Json.object();
        for (int i = 0; i < fields.size() && i < args.size(); i++) {
            String value = args.get(i);
            if (value != null) f.put(fields.get(i), value);
        }
        return new Request(op, null, f);
    }

    public Request request(String... args) {
        return request(Arrays.asList(args));
    }
}
