package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console client's account commands: slash commands and the menu entry. */
class AccountCommandsTest {
    private final CommandInterpreter interpreter = new CommandInterpreter(true);

    private static JsonObject sent(Action action) {
        return assertInstanceOf(Action.Send.class, action).request();
    }

    @Test
    @DisplayName("/password, /name (the rest of the line) and /delete-account build their requests; all need a login")
    void slashCommands() {
        assertEquals(new JsonObject().put("op", "password").put("old", "old-pw").put("new", "new pw"),
                sent(interpreter.handle("/password old-pw new pw", true)));
        assertEquals(new JsonObject().put("op", "rename").put("name", "Scott Tiger"),
                sent(interpreter.handle("/name Scott Tiger", true)));
        assertEquals(new JsonObject().put("op", "delete_account").put("password", "123456"),
                sent(interpreter.handle("/delete-account 123456", true)));
        assertEquals("NOT_LOGGED_IN", assertInstanceOf(Action.Fail.class, interpreter.handle("/name x", false)).code());
        assertEquals("USAGE", assertInstanceOf(Action.Fail.class, interpreter.handle("/password only-one", true)).code());
        assertTrue(SlashCommands.help().contains("/delete-account <password>"));
    }

    @Test
    @DisplayName("menu 6 asks for the current and the new password, both hidden, then changes it")
    void menuEntry() {
        assertTrue(CommandInterpreter.menu(true).contains("6 change password"));
        assertInstanceOf(Action.Continue.class, interpreter.handle("6", true));
        assertEquals("current password: ", interpreter.prompt("100"));
        assertTrue(interpreter.secret());
        interpreter.handle("123456", true);
        assertEquals("new password: ", interpreter.prompt("100"));
        assertTrue(interpreter.secret());
        assertEquals(new JsonObject().put("op", "password").put("old", "123456").put("new", "abcdefg"),
                sent(interpreter.handle("abcdefg", true)));
    }
}
