package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room commands in the console client: what is sent, with the current room filled in where the user left it out. */
class RoomCommandsTest {
    private final CommandInterpreter batch = new CommandInterpreter(false);
    private final CommandInterpreter menu = new CommandInterpreter(true);

    private static JsonObject sent(Action action) {
        return assertInstanceOf(Action.Send.class, action).request();
    }

    private static JsonObject request(String op) {
        return new JsonObject().put("op", op);
    }

    @Test
    @DisplayName("plain text and /say go to the current room; with none, to the default room (no room sent)")
    void sayGoesToTheCurrentRoom() {
        assertEquals(request("say").put("text", "hi").put("room", "#dev"), sent(batch.handle("hi", true, "#dev")));
        assertEquals(request("say").put("text", "hi there").put("room", "#dev"), sent(batch.handle("/say hi there", true, "#dev")));
        assertEquals(request("say").put("text", "hi"), sent(batch.handle("hi", true, null)));
        assertEquals(request("say").put("text", "hello").put("room", "#dev"), sent(menu.handle("hello", true, "#dev")));
    }

    @Test
    @DisplayName("a left-out #room is the current room; a named one is kept; a word that is not a room is text")
    void optionalRoom() {
        assertEquals(request("part").put("room", "#dev"), sent(batch.handle("/part", true, "#dev")));
        assertEquals(request("part").put("reason", "gone  fishing").put("room", "#dev"),
                sent(batch.handle("/part gone  fishing", true, "#dev")));
        assertEquals(request("part").put("room", "#ops").put("reason", "bye"), sent(batch.handle("/part #ops bye", true, "#dev")));
        assertEquals(request("topic").put("text", "release day").put("room", "#dev"),
                sent(batch.handle("/topic release day", true, "#dev")));
        assertEquals(request("members").put("room", "#dev"), sent(batch.handle("/members", true, "#dev")));
        assertEquals(request("history").put("room", "#ops").put("limit", 50), sent(batch.handle("/history #ops 50", true, "#dev")));
        assertEquals(request("history").put("limit", 5), sent(batch.handle("/history 5", true, null)), "the server picks the room");
    }

    @Test
    @DisplayName("rooms, join, room, kick, ban, unban, invite and mode map to their requests")
    void requests() {
        assertEquals(request("join").put("room", "#Dev"), sent(batch.handle("/join #Dev", true)));
        assertEquals(request("room").put("room", "#dev"), sent(batch.handle("/room #dev", true)));
        assertEquals(request("room"), sent(batch.handle("/room", true)));
        assertEquals(request("rooms"), sent(batch.handle("/rooms", true, "#dev")), "rooms lists every room");
        assertEquals(request("kick").put("room", "#dev").put("user", "200").put("reason", "spam"), sent(batch.handle("/kick #dev 200 spam", true)));
        assertEquals(request("ban").put("room", "#dev").put("user", "200"), sent(batch.handle("/ban #dev 200", true)));
        assertEquals(request("unban").put("room", "#dev").put("user", "200"), sent(batch.handle("/unban #dev 200", true)));
        assertEquals(request("invite").put("room", "#dev").put("user", "200"), sent(batch.handle("/invite #dev 200", true)));
        assertEquals(request("mode").put("room", "#dev").put("inviteOnly", true), sent(batch.handle("/mode #dev +i", true)));
        assertEquals(request("mode").put("room", "#dev").put("grantOp", "200"), sent(batch.handle("/mode #dev +o 200", true)));
    }

    @Test
    @DisplayName("room commands need a login, and moderation needs its room and user")
    void checks() {
        assertEquals("NOT_LOGGED_IN", assertInstanceOf(Action.Fail.class, batch.handle("/join #dev", false)).code());
        assertEquals(new Action.Fail("kick", "USAGE", "usage: /kick #room <id> [reason]"), batch.handle("/kick #dev", true));
        assertEquals("USAGE", assertInstanceOf(Action.Fail.class, batch.handle("/join", true)).code());
        assertEquals("USAGE", assertInstanceOf(Action.Fail.class, batch.handle("/mode #dev", true)).code());
    }

    @Test
    @DisplayName("menu: 7 lists rooms, 8 asks which room to join, 9 which room to switch to")
    void menus() {
        assertEquals(Frames.rooms(), sent(menu.handle("7", true)));
        menu.handle("8", true);
        assertEquals("room (#name): ", menu.prompt("100", null));
        assertEquals(Frames.join("#dev"), sent(menu.handle(" #dev ", true)));
        menu.handle("9", true);
        assertEquals(Frames.room("#ops"), sent(menu.handle("#ops", true)));
        menu.handle("8", true);
        assertEquals(Frames.join("#ops"), sent(menu.handle("ops", true)), "the # may be left out in a menu");
        menu.handle("2", true);
        assertEquals(request("say").put("text", "hi").put("room", "#ops"), sent(menu.handle("hi", true, "#ops")));
        assertTrue(CommandInterpreter.MENU_LOGGED_IN.contains("8 join a room"));
    }

    @Test
    @DisplayName("the prompt names the current room; the default room keeps today's prompt")
    void prompt() {
        assertEquals("[#dev] 100> ", batch.prompt("100", "#dev"));
        assertEquals("100> ", batch.prompt("100", null));
        assertEquals("parley> ", batch.prompt(null, "#dev"));
    }

    @Test
    @DisplayName("help lists the room commands")
    void help() {
        String help = SlashCommands.help();
        for (String syntax : new String[]{"/join #room", "/part [#room] [reason]", "/room [#room]", "/rooms [after]",
                "/members [#room]", "/topic [#room] [text]", "/history [#room] [n]", "/kick #room <id> [reason]",
                "/ban #room <id>", "/unban #room <id>", "/invite #room <id>", "/mode #room +i|-i|+o <id>|-o <id>"}) {
            assertTrue(help.contains(syntax), syntax);
        }
    }
}
