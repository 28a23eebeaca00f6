package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodersTest {
    private static JsonNode json(Outbound o) throws Exception {
        byte[] b = JsonLineEncoder.encode(o);
        assertEquals('\n', b[b.length - 1]);
        return Json.MAPPER.readTree(b);
    }

    @Test
    @DisplayName("replies echo rid and carry ok; errors carry a stable code and a message")
    void replies() throws Exception {
        JsonNode ok = json(Reply.ok("say", Json.MAPPER.readTree("\"r1\""), Json.object().put("id", "m1")));
        assertEquals("{\"op\":\"say\",\"rid\":\"r1\",\"ok\":true,\"id\":\"m1\"}", ok.toString());
        JsonNode err = json(Reply.fail("msg", null, ChatError.NO_SUCH_USER, "no such user: 9"));
        assertEquals("NO_SUCH_USER", err.path("error").path("code").asText());
        assertFalse(err.path("ok").asBoolean());
        assertEquals("{\"op\":\"pong\"}", json(Reply.pong(null)).toString());
    }

    @Test
    @DisplayName("events have the documented shape")
    void events() throws Exception {
        JsonNode m = json(new MessageEvent(false, "id1", "300", "carol", "100", "hi \"there\"\n", 5, true));
        assertEquals("{\"op\":\"message\",\"kind\":\"private\",\"id\":\"id1\",\"from\":\"300\",\"name\":\"carol\",\"to\":\"100\","
                + "\"text\":\"hi \\\"there\\\"\\n\",\"ts\":5,\"offline\":true}", m.toString());
        assertEquals("{\"op\":\"presence\",\"user\":\"200\",\"name\":\"bob\",\"status\":\"offline\"}",
                json(new PresenceEvent("200", "bob", false)).toString());
        assertEquals("{\"op\":\"presence\",\"user\":\"200\",\"name\":\"bob\",\"status\":\"offline\",\"reason\":\"NODE_LOST\"}",
                json(PresenceEvent.nodeLost("200", "bob")).toString());
        assertEquals("{\"op\":\"presence\",\"user\":\"200\",\"name\":\"bob\",\"status\":\"away\",\"text\":\"lunch\"}",
                json(PresenceEvent.away("200", "bob", "lunch")).toString());
        assertEquals("{\"op\":\"presence\",\"user\":\"200\",\"name\":\"bob\",\"status\":\"back\"}",
                json(PresenceEvent.away("200", "bob", null)).toString());
        assertEquals("REPLACED", json(new ByeEvent(ByeReason.REPLACED)).path("reason").asText());
    }

    @Test
    @DisplayName("text rendering is one readable line per event; a group ack shows nothing")
    void text() {
        TextLineEncoder t = new TextLineEncoder(ZoneOffset.UTC);
        assertEquals("[00:00] [private] carol (300): hi",
                t.render(new MessageEvent(false, "i", "300", "carol", "100", "hi", 0, false)));
        assertEquals("[offline 1970-01-01 00:00] 300: hi",
                t.render(new MessageEvent(true, "i", "300", "300", null, "hi", 0, true)));
        assertEquals("! TEXT_TOO_LONG: too long", t.render(Reply.fail("say", null, ChatError.TEXT_TOO_LONG, "too long")));
        assertTrue(t.render(PresenceEvent.away("200", "bob", "lunch")).endsWith("] * bob (200) is away: lunch"));
        assertTrue(t.render(PresenceEvent.away("200", "bob", null)).endsWith("] * bob (200) is back"));
        assertTrue(t.render(new PresenceEvent("200", "bob", false)).endsWith("] * bob (200) went offline"));
        assertTrue(t.render(PresenceEvent.nodeLost("200", "bob")).endsWith("] * bob (200) went offline (server node lost)"));
        assertEquals("* you are away: lunch", t.render(Reply.ok(Ops.AWAY, null, Json.object().put("away", true).put("text", "lunch"))));
        assertEquals("* you are back", t.render(Reply.ok(Ops.AWAY, null, Json.object().put("away", false))));
        assertNull(t.encode(Reply.ok("say", null, Json.object().put("id", "x"))));
        String line = new String(t.encode(new ByeEvent(ByeReason.IDLE)), StandardCharsets.UTF_8);
        assertEquals("* bye: idle for too long (IDLE)\r\n", line);
    }

    private static final String SPOOF = "hi\r\n* bye: server restarting (SHUTDOWN)\u001b[2J\u0007"
            + "\u0085\u009b31m\u2028\u2029\u202eevil\u2066\u007f\tend";

    @Test
    @DisplayName("text output is one line: controls, ANSI escapes, C1, U+2028/9 and bidi overrides become U+FFFD")
    void textNeutralisesControls() {
        TextLineEncoder t = new TextLineEncoder(ZoneOffset.UTC);
        String line = new String(t.encode(new MessageEvent(true, "i", "300", "carol\u001b[31m", null, SPOOF, 0, false)),
                StandardCharsets.UTF_8);
        assertEquals("[00:00] carol\uFFFD[31m (300): hi\uFFFD\uFFFD* bye: server restarting (SHUTDOWN)\uFFFD[2J\uFFFD"
                + "\uFFFD\uFFFD31m\uFFFD\uFFFD\uFFFDevil\uFFFD\uFFFD end\r\n", line);
        assertOneSafeLine(line.substring(0, line.length() - 2));
        // Server-made texts that echo client input (an error naming an unknown user) are covered too.
        String err = new String(t.encode(Reply.fail("msg", null, ChatError.NO_SUCH_USER, "no such user: x\r\n* y")),
                StandardCharsets.UTF_8);
        assertEquals("! NO_SUCH_USER: no such user: x\uFFFD\uFFFD* y\r\n", err);
        assertEquals(TextLineEncoder.HELP, new String(t.encode(Reply.ok("help", null, Json.object())), StandardCharsets.UTF_8),
                "our own multi-line help is untouched");
    }

    @Test
    @DisplayName("JSON output carries the exact text with every C0 control escaped: no raw control byte on the wire")
    void jsonEscapesControls() throws Exception {
        byte[] b = JsonLineEncoder.encode(new MessageEvent(true, "i", "300", "carol", null, SPOOF, 0, false));
        for (int i = 0; i < b.length - 1; i++) {
            assertFalse(b[i] >= 0 && b[i] < 0x20, "raw control byte " + b[i] + " at " + i);
        }
        assertEquals(SPOOF, Json.MAPPER.readTree(b).path("text").asText());
    }

    @Test
    @DisplayName("plain text, accents, emoji and right-to-left letters are shown unchanged")
    void displayTextKeepsOrdinaryText() {
        String ordinary = "héllo 👋 שלום \u200f ok";
        assertSame(ordinary, DisplayText.oneLine(ordinary));
    }

    static void assertOneSafeLine(String s) {
        s.chars().forEach(c -> assertFalse(DisplayText.unsafe((char) c), "unsafe char U+" + Integer.toHexString(c)));
    }
}
