package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client sends is checked before it is stored or shown: invalid text, oversized ids, hostile JSON. */
class InputValidationTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    @DisplayName("a lone surrogate escape in text is BAD_REQUEST; a proper pair is fine")
    void loneSurrogate() {
        try (JsonClient a = server.loggedIn("v.alice")) {
            a.sendLine("{\"op\":\"say\",\"rid\":\"s1\",\"text\":\"half \\ud800 a char\"}");
            JsonNode r = a.await(f -> "s1".equals(f.path("rid").asText()), "reply s1");
            assertEquals("BAD_REQUEST", code(r), r.toString());
            a.sendLine("{\"op\":\"msg\",\"rid\":\"s2\",\"to\":\"v.alice\",\"text\":\"low \\udc00\"}");
            assertEquals("BAD_REQUEST", code(a.await(f -> "s2".equals(f.path("rid").asText()), "reply s2")));
            a.sendLine("{\"op\":\"say\",\"rid\":\"s3\",\"text\":\"pair \\ud83d\\udc4b\"}");
            assertTrue(a.await(f -> "s3".equals(f.path("rid").asText()), "reply s3").path("ok").asBoolean());
        }
    }

    @Test
    @DisplayName("raw invalid UTF-8 (an encoded surrogate, a stray byte) is BAD_FRAME and the connection stays usable")
    void invalidUtf8() {
        try (JsonClient a = server.loggedIn("v.bob")) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            line.writeBytes("{\"op\":\"say\",\"text\":\"x".getBytes(StandardCharsets.UTF_8));
            line.writeBytes(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // U+D800 encoded: not UTF-8
            line.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
            a.sendRaw(line.toByteArray());
            JsonNode e = a.awaitOp("error");
            assertEquals("BAD_FRAME", code(e));
            assertEquals("invalid UTF-8", e.path("error").path("message").asText());
            assertTrue(a.request(op("who")).path("ok").asBoolean(), "still usable");
        }
        try (TextClient t = server.text()) {
            t.sendRaw(new byte[]{'h', 'i', (byte) 0xFF, '\n'});
            assertTrue(t.awaitContaining("! BAD_FRAME").contains("invalid UTF-8"));
        }
    }

    @Test
    @DisplayName("a cid longer than 64 characters is BAD_REQUEST on say and msg, and nothing is sent; 64 is fine")
    void cidLength() {
        try (JsonClient a = server.loggedIn("v.carol")) {
            String longCid = "c".repeat(65);
            JsonNode say = a.request(op("say", "text", "not sent", "cid", longCid));
            assertEquals("BAD_REQUEST", code(say), say.toString());
            assertTrue(say.path("error").path("message").asText().contains("cid"));
            JsonNode msg = a.request(op("msg", "to", "v.carol", "text", "not sent", "cid", "x".repeat(8192 - 100)));
            assertEquals("BAD_REQUEST", code(msg), msg.toString());
            assertTrue(a.request(op("say", "text", "sent", "cid", "c".repeat(64))).path("ok").asBoolean());
            JsonNode self = a.request(op("msg", "to", "v.carol", "text", "to me", "cid", "d".repeat(64)));
            assertTrue(self.path("ok").asBoolean(), self.toString());
            a.awaitMessage("to me");
            assertFalse(a.log().stream().anyMatch(f -> f.path("text").asText().equals("not sent")));
        }
    }

    @Test
    @DisplayName("a seed frame nested too deeply, or malformed, ends with a clean BAD_FRAME line: no parser internals")
    void seedErrorsAreClean() throws Exception {
        String deep = "{\"type\":\"SmsMes\",\"data\":\"{}\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        for (String body : List.of(deep, "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\"\"}", "{'type':1}")) {
            try (Socket raw = new Socket("127.0.0.1", server.port())) {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                raw.getOutputStream().write(ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array());
                raw.setSoTimeout(10_000);
                byte[] all = raw.getInputStream().readAllBytes();
                String reply = new String(all, 4, all.length - 4, StandardCharsets.UTF_8);
                assertTrue(reply.contains("BAD_FRAME"), reply);
                for (String leak : List.of("com.fasterxml", "jackson", "line: ", "column", "Source", "Unexpected", "code ")) {
                    assertFalse(reply.contains(leak), "leaks '" + leak + "': " + reply);
                }
            }
        }
    }
}
