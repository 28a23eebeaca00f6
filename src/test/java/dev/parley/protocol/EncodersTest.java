package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertNull(t.encode(Reply.ok("say", null, Json.object().put("id", "x"))));
        String line = new String(t.encode(new ByeEvent(ByeReason.IDLE)), StandardCharsets.UTF_8);
        assertEquals("* bye: idle for too long (IDLE)\r\n", line);
    }
}
