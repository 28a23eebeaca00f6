package dev.parley.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestParsersTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a JSON request keeps its op, fields and rid")
    void json() throws Exception {
        Request r = JsonRequestParser.parse(utf8("{\"op\":\"msg\",\"to\":\"200\",\"text\":\"hi\",\"rid\":7}"));
        assertEquals("msg", r.op());
        assertEquals("200", r.text("to"));
        assertEquals(7, r.rid().asInt());
    }

    @Test
    @DisplayName("invalid JSON, a non-object and invalid UTF-8 are decode errors")
    void jsonGarbage() {
        assertEquals("invalid JSON", assertThrows(DecodeException.class, () -> JsonRequestParser.parse(utf8("{\"op\":"))).getMessage());
        assertThrows(DecodeException.class, () -> JsonRequestParser.parse(utf8("[1,2]")));
        byte[] bad = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals("invalid UTF-8", assertThrows(DecodeException.class, () -> JsonRequestParser.parse(bad)).getMessage());
    }

    @Test
    @DisplayName("UTF-8 is decoded strictly, ASCII lines (the fast path) and others alike")
    void utf8Decoding() throws Exception {
        assertEquals("{\"op\":\"say\",\"text\":\"hi ~\u007f\"}", TextRequestParser.decodeUtf8(utf8("{\"op\":\"say\",\"text\":\"hi ~\u007f\"}")));
        assertEquals("", TextRequestParser.decodeUtf8(new byte[0]));
        assertEquals("caf\u00e9 \ud83d\ude00", TextRequestParser.decodeUtf8(utf8("caf\u00e9 \ud83d\ude00")));
        byte[][] invalid = {
                {'a', (byte) 0x80},                              // a continuation byte alone
                {(byte) 0xC0, (byte) 0xAF},                      // overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},         // a UTF-16 surrogate encoded
                {'x', (byte) 0xE2, (byte) 0x82},                 // cut short
                {(byte) 0xFF},
        };
        for (byte[] bad : invalid) {
            assertEquals("invalid UTF-8", assertThrows(DecodeException.class, () -> TextRequestParser.decodeUtf8(bad)).getMessage());
        }
    }

    @Test
    @DisplayName("a rid that is neither string nor number is not echoed")
    void ridTypes() throws Exception {
        assertNull(JsonRequestParser.parse(utf8("{\"op\":\"who\",\"rid\":{\"a\":1}}")).rid());
        assertEquals("x", JsonRequestParser.parse(utf8("{\"op\":\"who\",\"rid\":\"x\"}")).rid().asText());
    }

    @Test
    @DisplayName("deeply nested JSON is refused")
    void nesting() {
        String deep = "{\"op\":\"x\",\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        String m = assertThrows(DecodeException.class, () -> JsonRequestParser.parse(utf8(deep))).getMessage();
        assertEquals("JSON exceeds a limit (nesting deeper than 16, or a number or key too long)", m);
        assertThrows(DecodeException.class, () -> JsonRequestParser.parse(utf8("{\"op\":\"x\",\"n\":" + "9".repeat(100) + "}")));
    }

    @Test
    @DisplayName("text commands map to requests; plain text is a group message; /quit is logout")
    void text() throws Exception {
        Request reg = TextRequestParser.parse(utf8("/register 100 123456 Scott Tiger"));
        assertEquals("register", reg.op());
        assertEquals("100", reg.text("user"));
        assertEquals("Scott Tiger", reg.text("name"));
        Request msg = TextRequestParser.parse(utf8("/msg 200 hello there"));
        assertEquals("200", msg.text("to"));
        assertEquals("hello there", msg.text("text"));
        assertEquals("say", TextRequestParser.parse(utf8("hello all")).op());
        assertEquals("logout", TextRequestParser.parse(utf8("/quit")).op());
        assertEquals("frobnicate", TextRequestParser.parse(utf8("/frobnicate")).op());
        assertNull(TextRequestParser.parse(utf8("   ")));
        assertThrows(DecodeException.class, () -> TextRequestParser.parse(new byte[]{(byte) 0xFF, 'a'}));
    }
}
