package dev.parley.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The room requests' fields read alike from JSON and text; every refusal has its code and a sentence. */
class RoomFieldsTest {

    private static Request json(String line) throws DecodeException {
        return JsonRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private static Request text(String line) throws DecodeException {
        return TextRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private static ChatError refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(RequestProblem.class, e).error();
    }

    @Test
    @DisplayName("a named room must be a room name; a missing one is the current room, or required")
    void room() throws Exception {
        assertEquals("#Dev", RoomFields.room(json("{\"op\":\"join\",\"room\":\"#Dev\"}"), null));
        assertEquals("#cur", RoomFields.room(text("/part"), "#cur"));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.room(text("/part"), null)));
        assertEquals(ChatError.INVALID_ROOM, refused(() -> RoomFields.room(text("/members dev"), "#cur")));
        assertEquals(ChatError.INVALID_ROOM, refused(() -> RoomFields.room(json("{\"op\":\"join\",\"room\":7}"), null)));
        assertEquals(ChatError.INVALID_ROOM, refused(() -> RoomFields.room(json("{\"op\":\"join\",\"room\":\"#" + "a".repeat(50) + "\"}"), null)));
        RequestProblem p = assertThrows(RequestProblem.class, () -> RoomFields.room(json("{\"op\":\"join\",\"rid\":3,\"room\":\"dev\"}"), null));
        assertEquals("{\"op\":\"join\",\"rid\":3,\"ok\":false,\"error\":{\"code\":\"INVALID_ROOM\",\"message\":\""
                + ChatError.INVALID_ROOM.defaultMessage + "\"}}\n", new String(JsonLineEncoder.encode(p.reply(json("{\"op\":\"join\",\"rid\":3}"))), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("user is required; texts are optional strings of valid Unicode within a length")
    void userAndTexts() throws Exception {
        assertEquals("200", RoomFields.user(text("/kick #dev 200")));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.user(text("/kick #dev"))));
        assertEquals("spam  again", RoomFields.optionalText(text("/kick #dev 200 spam  again"), Fields.REASON, 100));
        assertNull(RoomFields.optionalText(text("/kick #dev 200"), Fields.REASON, 100));
        assertEquals(ChatError.TEXT_TOO_LONG, refused(() -> RoomFields.optionalText(text("/topic #dev 12345"), Fields.TEXT, 4)));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.optionalText(json("{\"op\":\"topic\",\"text\":\"\\ud800\"}"), Fields.TEXT, 9)));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.optionalText(json("{\"op\":\"topic\",\"text\":[1]}"), Fields.TEXT, 9)));
    }

    @Test
    @DisplayName("limit defaults, and must be a whole number in range; cursors are non-empty strings")
    void paging() throws Exception {
        assertEquals(20, RoomFields.limit(text("/history #dev"), 20, 200));
        assertEquals(50, RoomFields.limit(text("/history #dev 50"), 20, 200));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.limit(text("/history #dev 500"), 20, 200)));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.limit(text("/history lots"), 20, 200)));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.limit(json("{\"op\":\"rooms\",\"limit\":2.5}"), 20, 200)));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.limit(json("{\"op\":\"rooms\",\"limit\":0}"), 20, 200)));
        assertEquals("#m", RoomFields.cursor(text("/rooms #m"), Fields.AFTER));
        assertNull(RoomFields.cursor(text("/rooms"), Fields.AFTER));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.cursor(json("{\"op\":\"history\",\"before\":5}"), Fields.BEFORE)));
    }

    @Test
    @DisplayName("mode names exactly one change")
    void mode() throws Exception {
        assertEquals(new RoomFields.ModeChange(RoomFields.ModeChange.Kind.INVITE_ONLY, null), RoomFields.mode(text("/mode #dev +i")));
        assertEquals(new RoomFields.ModeChange(RoomFields.ModeChange.Kind.OPEN, null), RoomFields.mode(text("/mode #dev -i")));
        assertEquals(new RoomFields.ModeChange(RoomFields.ModeChange.Kind.GRANT_OP, "200"), RoomFields.mode(text("/mode #dev +o 200")));
        assertEquals(new RoomFields.ModeChange(RoomFields.ModeChange.Kind.REVOKE_OP, "200"),
                RoomFields.mode(json("{\"op\":\"mode\",\"room\":\"#dev\",\"revokeOp\":\"200\"}")));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.mode(text("/mode #dev +x 200"))));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.mode(json("{\"op\":\"mode\",\"inviteOnly\":true,\"grantOp\":\"2\"}"))));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.mode(json("{\"op\":\"mode\",\"inviteOnly\":\"yes\"}"))));
        assertEquals(ChatError.BAD_REQUEST, refused(() -> RoomFields.mode(json("{\"op\":\"mode\",\"grantOp\":\"\"}"))));
    }
}
