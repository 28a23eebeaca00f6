package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandInterpreterTest {

    private static JsonObject sent(Action action) {
        return assertInstanceOf(Action.Send.class, action).request();
    }

    private static Action.Fail failed(Action action) {
        return assertInstanceOf(Action.Fail.class, action);
    }

    @Nested
    @DisplayName("interactive menus")
    class Menus {
        private final CommandInterpreter menu = new CommandInterpreter(true);

        @Test
        @DisplayName("1 asks for id and password, hides the password, then logs in")
        void login() {
            assertInstanceOf(Action.Continue.class, menu.handle("1", false));
            assertEquals("id: ", menu.prompt(null));
            assertFalse(menu.secret());
            assertInstanceOf(Action.Continue.class, menu.handle(" 100 ", false));
            assertEquals("password: ", menu.prompt(null));
            assertTrue(menu.secret());
            assertEquals(Frames.login("100", "123456"), sent(menu.handle("123456", false)));
            assertFalse(menu.asking());
            assertEquals("parley> ", menu.prompt(null));
        }

        @Test
        @DisplayName("2 registers; a blank name means the id")
        void register() {
            menu.handle("2", false);
            menu.handle("100", false);
            menu.handle("pw", false);
            assertEquals(Frames.register("100", "pw", "100"), sent(menu.handle("", false)));
            menu.handle("2", false);
            menu.handle("101", false);
            menu.handle("pw", false);
            assertEquals(Frames.register("101", "pw", "Scott Tiger"), sent(menu.handle("Scott Tiger", false)));
        }

        @Test
        @DisplayName("3 exits when logged out")
        void exit() {
            assertInstanceOf(Action.Quit.class, menu.handle("3", false));
        }

        @Test
        @DisplayName("other input before login explains the menu instead of sending")
        void hintBeforeLogin() {
            assertInstanceOf(Action.Show.class, menu.handle("hello", false));
            assertInstanceOf(Action.Show.class, menu.handle("7", false));
        }

        @Test
        @DisplayName("after login: 1 who, 2 say, 3 private message, 4 missed, 5 logout")
        void loggedInMenu() {
            assertEquals(Frames.who(), sent(menu.handle("1", true)));
            menu.handle("2", true);
            assertEquals("text: ", menu.prompt("100"));
            assertEquals(Frames.say("  hello all"), sent(menu.handle("  hello all", true)));
            menu.handle("3", true);
            assertEquals("to (id): ", menu.prompt("100"));
            menu.handle("200", true);
            assertEquals(Frames.msg("200", "hi bob"), sent(menu.handle("hi bob", true)));
            assertInstanceOf(Action.ShowMissed.class, menu.handle("4", true));
            assertEquals(Frames.logout(), sent(menu.handle("5", true)));
            assertEquals("100> ", menu.prompt("100"));
        }

        @Test
        @DisplayName("after login plain text goes to everyone")
        void plainTextSays() {
            assertEquals(Frames.say("hello there"), sent(menu.handle("hello there", true)));
            assertEquals(Frames.say("42"), sent(menu.handle("42", true)));
        }

        @Test
        @DisplayName("a blank required answer cancels the question")
        void blankCancels() {
            menu.handle("3", true);
            assertInstanceOf(Action.Show.class, menu.handle("  ", true));
            assertFalse(menu.asking());
        }

        @Test
        @DisplayName("a slash command in the middle of a question drops the question and runs")
        void slashInterrupts() {
            menu.handle("1", false);
            assertEquals(Frames.register("100", "pw", "100"), sent(menu.handle("/register 100 pw", false)));
            assertFalse(menu.asking());
        }

        @Test
        @DisplayName("cancel (Ctrl-C) forgets the half-answered question")
        void cancel() {
            menu.handle("1", false);
            menu.cancel();
            assertFalse(menu.asking());
        }
    }

    @Nested
    @DisplayName("slash commands")
    class Slash {
        private final CommandInterpreter batch = new CommandInterpreter(false);

        @Test
        @DisplayName("each command maps to its request")
        void requests() {
            assertEquals(Frames.login("100", "123456"), sent(batch.handle("/login 100 123456", false)));
            assertEquals(Frames.register("100", "pw", "scott"), sent(batch.handle("/register 100 pw scott", false)));
            assertEquals(Frames.who(), sent(batch.handle("/who", true)));
            assertEquals(Frames.say("hi"), sent(batch.handle("/say hi", true)));
            assertEquals(Frames.msg("200", "hi   there"), sent(batch.handle("/msg 200 hi   there", true)));
            assertEquals(Frames.ping(), sent(batch.handle("/ping", false)));
            assertEquals(Frames.logout(), sent(batch.handle("/logout", true)));
        }

        @Test
        @DisplayName("local commands need no server")
        void local() {
            assertInstanceOf(Action.Quit.class, batch.handle("/quit", true));
            assertInstanceOf(Action.Quit.class, batch.handle("/EXIT", false));
            assertInstanceOf(Action.ShowMissed.class, batch.handle("/missed", true));
            assertInstanceOf(Action.ShowMenu.class, batch.handle("/menu", true));
            String help = assertInstanceOf(Action.Show.class, batch.handle("/help", false)).text();
            assertTrue(help.contains("/msg <id> <text>"), help);
        }

        @Test
        @DisplayName("commands that need a login say so before anything is sent")
        void needsLogin() {
            assertEquals(new Action.Fail("who", "NOT_LOGGED_IN", "log in first: /login <id> <password>"), batch.handle("/who", false));
            assertEquals("NOT_LOGGED_IN", failed(batch.handle("/msg 200 hi", false)).code());
        }

        @Test
        @DisplayName("missing or extra arguments show the syntax")
        void usage() {
            assertEquals(new Action.Fail("msg", "USAGE", "usage: /msg <id> <text>"), batch.handle("/msg 200", true));
            assertEquals("USAGE", failed(batch.handle("/login 100", false)).code());
            assertEquals("USAGE", failed(batch.handle("/who everyone", true)).code());
        }

        @Test
        @DisplayName("an unknown command is reported with its name")
        void unknown() {
            assertEquals(new Action.Fail("dance", "USAGE", "unknown command /dance; type /help"), batch.handle("/dance now", true));
            assertEquals("input", failed(batch.handle("/", true)).op());
        }

        @Test
        @DisplayName("batch mode has no numbered menu: numbers are text")
        void noMenusInBatch() {
            assertEquals(Frames.say("1"), sent(batch.handle("1", true)));
            assertEquals("NOT_LOGGED_IN", failed(batch.handle("1", false)).code());
        }

        @Test
        @DisplayName("// sends text that starts with a slash; blank lines do nothing")
        void escapesAndBlanks() {
            assertEquals(Frames.say("/shrug"), sent(batch.handle("//shrug", true)));
            assertInstanceOf(Action.Continue.class, batch.handle("   ", true));
        }

        @Test
        @DisplayName("the last argument takes the rest of the line")
        void arguments() {
            assertEquals(List.of("200", "a  b c"), CommandInterpreter.arguments("  200 a  b c ", 2));
            assertEquals(List.of("x"), CommandInterpreter.arguments("x", 3));
            assertEquals(List.of(), CommandInterpreter.arguments("   ", 2));
            assertEquals(List.of("anything"), CommandInterpreter.arguments("anything", 0));
        }
    }
}
