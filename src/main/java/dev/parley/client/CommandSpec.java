package dev.parley.client;

import java.util.List;
import java.util.function.Function;

/**
 * One slash command. Login state and argument count are checked once, by the interpreter,
 * before {@code handler} runs; the last argument takes the rest of the line. {@code split} turns the rest of the
 * line into arguments (a grammar command's own rule: its room may be left out).
 */
record CommandSpec(String verb, String syntax, String summary, boolean needsLogin,
                   int minArgs, int maxArgs, Function<List<String>, Action> handler, Function<String, List<String>> split) {

    /** A command whose arguments are split on whitespace, at most {@code maxArgs}. */
    CommandSpec(String verb, String syntax, String summary, boolean needsLogin,
                int minArgs, int maxArgs, Function<List<String>, Action> handler) {
        this(verb, syntax, summary, needsLogin, minArgs, maxArgs, handler, rest -> CommandInterpreter.arguments(rest, maxArgs));
    }
}
