package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.e2e.JsonClient;
import dev.parley.e2e.Replies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class JsonLogTest {
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final String WRONG = "wrong-Pa55word";
    private static final String TEXT = "confidential-text-42";

    @Test
    @DisplayName("with logging.format json every line a server writes is a JSON object; the audit trail names users and addresses, never passwords or message text")
    void everyLineIsJsonAndNothingSecretIsLogged() throws Exception {
        Map<String, String> env = Map.of("PARLEY_LOGGING_FORMAT", "json", "PARLEY_AUTH_PBKDF2_ITERATIONS", "1000",
                "PARLEY_OPS_PORT", "0");
        List<JsonNode> lines = new ArrayList<>();
        try (ServerProcess p = ServerProcess.start(env, "server", "--port", "0",
                "--data-dir", Files.createTempDirectory("parley-jsonlog").toString())) {
            int port = p.awaitPort();
            try (JsonClient c = JsonClient.connect(port)) {
                c.register("auditee", PASSWORD);
                assertEquals("BAD_CREDENTIALS", Replies.code(c.request(JsonClient.op("login", "user", "auditee", "password", WRONG))));
                c.login("auditee", PASSWORD);
                JsonNode said = c.say(TEXT);
                assertTrue(said.path("ok").asBoolean(), "say: " + said);
                JsonNode loggedOut = c.request(JsonClient.op("logout"));
                assertTrue(loggedOut.path("ok").asBoolean(), "logout: " + loggedOut);
                c.awaitClosed();
            }
            p.terminate();
            p.awaitExit();
            String out = p.allOutput();
            ObjectMapper json = new ObjectMapper();
            for (String line : out.split("\n")) {
                if (line.isBlank()) continue;
                try {
                    lines.add(json.readTree(line));
                } catch (Exception e) {
                    fail("not a JSON line: " + line);
                }
                assertFalse(line.contains(PASSWORD) || line.contains(WRONG), "a password was logged: " + line);
                assertFalse(line.contains(TEXT), "message text was logged: " + line);
            }
        }
        for (JsonNode l : lines) {
            for (String field : List.of("ts", "level", "logger", "node", "msg")) {
                assertTrue(l.hasNonNull(field), "field " + field + " missing in " + l);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("msg").asText().startsWith("Parley listening on ")), "start is logged");
        for (String event : List.of("register", "login_failed", "login_ok", "logout")) {
            assertTrue(lines.stream().anyMatch(l -> event.equals(l.path("event").asText())
                    && "auditee".equals(l.path("user").asText()) && "127.0.0.1".equals(l.path("remote").asText())),
                    "audit event " + event + " with user and remote address in " + lines);
        }
    }
}
