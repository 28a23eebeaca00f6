package dev.parley.client;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Request;
import dev.parley.protocol.SlashCommand;
import dev.parley.protocol.SlashGrammar;
import dev.parley.protocol.TextRequestParser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The console client and the server's text protocol read a shared slash command the same way. */
class SharedGrammarTest {

    @Test
    @DisplayName("a shared slash command typed in the client sends what the text protocol makes of the same line")
    void sameRequestBothWays() throws Exception {
        CommandInterpreter client = new CommandInterpreter(false);
        List<String> words = List.of("100", "pw", "Scott  Tiger");
        for (SlashCommand command : SlashGrammar.all()) {
            String line = "/" + command.verb() + (command.fields().isEmpty() ? "" : " ")
                    + String.join(" ", words.subList(0, command.fields().size()));
            JsonObject sent = assertInstanceOf(Action.Send.class, client.handle(line, true), line).request();
            Request parsed = TextRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
            JsonObject expected = new JsonObject(parsed.fields().toString()).put(Fields.OP, parsed.op());
            assertEquals(expected, sent, line);
        }
    }

    @Test
    @DisplayName("the client's help shows the grammar's syntax for every shared command")
    void helpShowsTheGrammar() {
        String help = SlashCommands.help();
        for (SlashCommand command : SlashGrammar.all()) {
            assertEquals(command.syntax(), SlashCommands.find(command.verb()).syntax());
            assertEquals(true, help.contains(command.syntax()), command.syntax());
        }
    }
}
