package dev.parley.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The text protocol's account commands map to the JSON ops. */
class TextAccountCommandsTest {
    private static Request parse(String line) throws DecodeException {
        return TextRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("/password OLD NEW, /name NEW NAME (rest of the line), /delete-account PASSWORD")
    void commands() throws Exception {
        Request p = parse("/password old-pw new pw with spaces");
        assertEquals("password", p.op());
        assertEquals("old-pw", p.text("old"));
        assertEquals("new pw with spaces", p.text("new"));
        Request n = parse("/name  Scott  Tiger ");
        assertEquals("rename", n.op());
        assertEquals("Scott  Tiger", n.text("name"));
        Request d = parse("/delete-account 123456");
        assertEquals("delete_account", d.op());
        assertEquals("123456", d.text("password"));
        assertFalse(parse("/delete-account").has("password"), "missing: BAD_REQUEST from the service, not a crash");
        assertFalse(parse("/name").has("name"));
    }

    @Test
    @DisplayName("their answers read as sentences, and /help lists them")
    void answers() {
        TextLineEncoder text = new TextLineEncoder(java.time.ZoneOffset.UTC);
        assertEquals("* password changed", text.render(Reply.ok("password", null, null)));
        assertEquals("* you are now Scott (100)",
                text.render(Reply.ok("rename", null, Json.object().put("user", "100").put("name", "Scott"))));
        assertEquals("* account 100 deleted", text.render(Reply.ok("delete_account", null, Json.object().put("user", "100"))));
        assertEquals("* bye: spamming (KICKED)", text.render(new ByeEvent(ByeReason.KICKED, "spamming")));
        assertEquals(true, TextLineEncoder.HELP.contains("/password <old> <new>"));
    }
}
