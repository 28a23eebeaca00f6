package dev.parley.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLineLayoutTest {
    private final LoggerContext context = new LoggerContext();

    private String layout(LoggingEvent e) {
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        return layout.doLayout(e);
    }

    private LoggingEvent event(String message, Throwable t) {
        return new LoggingEvent("x", context.getLogger("parley.audit"), Level.INFO, message, t, null);
    }

    @Test
    @DisplayName("one event is one line holding one JSON object with time, level, logger, node, message and its fields")
    void oneObjectPerLine() throws Exception {
        context.putProperty(Logging.NODE_PROPERTY, "node-7");
        LoggingEvent e = event("login_ok 100 from 10.0.0.1", null);
        e.setKeyValuePairs(List.of(new KeyValuePair("event", "login_ok"), new KeyValuePair("user", "100"),
                new KeyValuePair("attempts", 3)));
        String line = layout(e);
        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.lines().count(), line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("INFO", json.path("level").asText());
        assertEquals("parley.audit", json.path("logger").asText());
        assertEquals("node-7", json.path("node").asText());
        assertEquals("login_ok 100 from 10.0.0.1", json.path("msg").asText());
        assertEquals("login_ok", json.path("event").asText());
        assertEquals("100", json.path("user").asText());
        assertEquals(3, json.path("attempts").asInt(), "numbers stay numbers");
        assertTrue(json.path("ts").asText().endsWith("Z"), "UTC ISO-8601 time: " + json.path("ts"));
    }

    @Test
    @DisplayName("quotes, newlines and control characters in a message are escaped; an exception becomes error and stack fields")
    void escapesAndErrors() throws Exception {
        String line = layout(event("a \"quoted\"\nsecond line \u001b[2J", new IllegalStateException("boom")));
        assertEquals(1, line.lines().count(), line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("a \"quoted\"\nsecond line \u001b[2J", json.path("msg").asText());
        assertEquals("java.lang.IllegalStateException: boom", json.path("error").asText());
        assertTrue(json.path("stack").asText().contains("escapesAndErrors"));
        assertFalse(line.contains("\u001b"), "no raw escape byte reaches the log stream");
    }
}
