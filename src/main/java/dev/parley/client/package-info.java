/**
 * {@code parley client}: the console chat client. {@link dev.parley.client.ClientCommand} starts it;
 * {@code ClientSession} keeps one user's session across reconnects; {@code CommandInterpreter} and
 * {@code SlashCommands} turn typed lines into actions; {@code ConsoleRunner} (interactive) and
 * {@code BatchRunner} (scripts) drive it, with {@code ConsoleFormatter} and {@code BatchFormatter} for output.
 */
package dev.parley.client;
