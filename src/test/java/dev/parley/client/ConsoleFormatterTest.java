package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleFormatterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 2024-05-01 12:04 in Paris. */
    private static final long NOON = ZonedDateTime.of(2024, 5, 1, 12, 4, 30, 0, PARIS).toInstant().toEpochMilli();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOON).plusSeconds(3600), PARIS);

    private final ConsoleFormatter format = new ConsoleFormatter(CLOCK, () -> "100");

    private AttributedString event(JsonObject frame) {
        return format.event(frame).orElseThrow();
    }

    private static JsonObject message(String kind, String from, String name, String text) {
        return new JsonObject().put("op", "message").put("kind", kind).put("id", "m1").put("from", from)
                .put("name", name).put("text", text).put("ts", NOON);
    }

    @Test
    @DisplayName("a group message shows local time, sender and text")
    void group() {
        assertEquals("12:04 carol: hello", event(message("group", "300", "carol", "hello")).toString());
    }

    @Test
    @DisplayName("a message cannot clear the screen or forge a line: controls and escapes are shown as U+FFFD")
    void controlsNeutralised() {
        assertEquals("12:04 carol\uFFFD[31m: hi\uFFFD\uFFFD* the server ended the session\uFFFD[2J\uFFFD",
                event(message("group", "300", "carol\u001b[31m", "hi\r\n* the server ended the session\u001b[2J\u0007")).toString());
    }

    @Test
    @DisplayName("a private message is marked, in colour")
    void privateMessage() {
        AttributedString line = event(message("private", "300", "carol", "hi").put("to", "100"));
        assertEquals("12:04 [private] carol → you: hi", line.toString());
        int mark = line.toString().indexOf("[private]");
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA), line.styleAt(mark));
        assertTrue(line.toAnsi().contains("\u001b["), "styled when rendered for a colour terminal");
    }

    @Test
    @DisplayName("my own private message reads you → them")
    void ownPrivate() {
        assertEquals("12:04 [private] you → 200: hi",
                event(message("private", "100", "scott", "hi").put("to", "200")).toString());
    }

    @Test
    @DisplayName("a missed message is marked; an event without time uses the clock")
    void missed() {
        JsonObject frame = message("group", "300", "carol", "earlier").put("offline", true);
        frame.remove("ts");
        assertEquals("13:04 [missed] carol: earlier", event(frame).toString());
    }

    @Test
    @DisplayName("presence lines")
    void presence() {
        assertEquals("* bob is online", event(new JsonObject("""
                {"op":"presence","user":"200","name":"bob","status":"online"}""")).toString());
        assertEquals("* 200 is offline", event(new JsonObject("""
                {"op":"presence","user":"200","status":"offline"}""")).toString());
    }

    @Test
    @DisplayName("errors name the command, the message and the code")
    void errors() {
        AttributedString line = format.reply(Frames.msg("999", "x"), Frames.localError("msg", "NO_SUCH_USER", "no user 999")).orElseThrow();
        assertEquals("! msg failed: no user 999 (NO_SUCH_USER)", line.toString());
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.RED), line.styleAt(0));
    }

    @Test
    @DisplayName("a login lists the others online; a say needs no confirmation")
    void replies() {
        assertEquals("* logged in as scott (100); online: bob (200)", format.reply(Frames.login("100", "pw"), new JsonObject("""
                {"op":"login","ok":true,"user":"100","name":"scott","online":[{"user":"200","name":"bob"},{"user":"100","name":"scott"}]}"""))
                .orElseThrow().toString());
        assertEquals(Optional.empty(), format.reply(Frames.say("x"), new JsonObject("""
                {"op":"say","ok":true,"id":"m1","ts":1}""")));
        assertEquals("* 300 is offline; the message waits in their mailbox", format.reply(Frames.msg("300", "x"), new JsonObject("""
                {"op":"msg","ok":true,"id":"m1","ts":1,"stored":true}""")).orElseThrow().toString());
    }

    @Test
    @DisplayName("reconnect status lines")
    void statuses() {
        assertEquals("* connection lost, reconnecting in 2s…", format.status(new SessionStatus.Reconnecting(2000, 1)).toString());
        assertEquals("* still offline, retrying in 0.5s…", format.status(new SessionStatus.Reconnecting(500, 2)).toString());
        assertEquals("* reconnected as 100", format.status(new SessionStatus.Reconnected("100")).toString());
        assertNotEquals("", format.status(new SessionStatus.Disconnected()).toString());
    }

    @Test
    @DisplayName("delays read as seconds")
    void seconds() {
        assertEquals("0.5s", ConsoleFormatter.seconds(500));
        assertEquals("1.6s", ConsoleFormatter.seconds(1600));
        assertEquals("10s", ConsoleFormatter.seconds(10_000));
    }
}
