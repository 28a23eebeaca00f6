package dev.parley.client;

import java.util.List;
import java.util.function.Function;

/**
 * One slash command. Login state and argument count are checked once, by the interpreter,
 * before {@code handler} runs; the last argument takes the rest of the line.
 */
record CommandSpec(String verb, String syntax, String summary, boolean needsLogin,
                   int minArgs, int maxArgs, Function<List<String>, Action> handler) {
}
