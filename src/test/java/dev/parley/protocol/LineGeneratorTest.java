package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-thread generator behind {@link JsonLineEncoder}: reused, yet every line stands alone. */
class LineGeneratorTest {

    private static String line(Outbound out) {
        return new String(JsonLineEncoder.encode(out), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("lines encoded one after another on a thread carry nothing of each other: no separator, no leftover")
    void consecutiveLinesAreIndependent() throws Exception {
        String first = line(new NoticeEvent("A", "first"));
        String big = line(new NoticeEvent("B", "x".repeat(100_000)));   // grows the buffer past what is kept
        String second = line(new NoticeEvent("C", "second"));
        assertEquals("{\"op\":\"notice\",\"code\":\"A\",\"message\":\"first\"}\n", first);
        assertEquals(100_000, Json.MAPPER.readTree(big).get("message").asText().length());
        assertEquals("{\"op\":\"notice\",\"code\":\"C\",\"message\":\"second\"}\n", second);
    }

    @Test
    @DisplayName("after a line closed halfway (abandoned), the next line is whole and alone")
    void abandonedLineLeavesNoTrace() throws Exception {
        try (LineGenerator broken = LineGenerator.start()) {
            JsonGenerator g = broken.generator();
            g.writeStartObject();
            g.writeStringField("half", "written");
        }
        String next = line(new NoticeEvent("N", "whole"));
        JsonNode parsed = Json.STRICT_READER.readTree(next);
        assertEquals("whole", parsed.get("message").asText());
        assertEquals(next.length() - 1, next.indexOf('\n'), "one line: " + next);
    }

    @Test
    @DisplayName("a line started while another is being written on the same thread gets a generator of its own")
    void nestedLinesDoNotShare() throws Exception {
        LineGenerator outer = LineGenerator.start();
        outer.generator().writeStartObject();
        outer.generator().writeStringField("outer", "1");
        String inner = line(new NoticeEvent("I", "inner"));
        outer.generator().writeEndObject();
        String outerLine = new String(outer.finish(), StandardCharsets.UTF_8);
        assertEquals("{\"op\":\"notice\",\"code\":\"I\",\"message\":\"inner\"}\n", inner);
        assertEquals("{\"outer\":\"1\"}\n", outerLine);
    }
}
