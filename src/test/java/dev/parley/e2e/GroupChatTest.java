package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.parley.e2e.Replies.assertSameMessage;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupChatTest {
    // Pipelined bursts below must not be rate limited.
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.ratePerSecond", 100_000, "limits.rateBurst", 100_000));

    private static long count(List<JsonNode> frames, String text) {
        return frames.stream().filter(f -> isMessage(f, text)).count();
    }

    @Test
    @DisplayName("a group message reaches every other online user exactly once and not the sender")
    void everyOtherUserReceivesOnce() {
        try (JsonClient a = server.loggedIn("g.a"); JsonClient b = server.loggedIn("g.b");
             JsonClient c = server.loggedIn("g.c"); JsonClient d = server.loggedIn("g.d")) {
            b.awaitCatchUp("g.b");
            c.awaitCatchUp("g.c");
            d.awaitCatchUp("g.d");
            JsonNode ok = a.say("hello all");
            assertTrue(ok.path("ok").asBoolean(), ok.toString());
            assertFalse(ok.path("id").asText().isEmpty(), ok.toString());
            assertTrue(ok.path("ts").asLong() > 0, ok.toString());
            // Same sender, so "hello all" is ordered before the end marker everywhere.
            a.say("end marker");
            for (JsonClient r : List.of(b, c, d)) {
                JsonNode end = r.awaitMessage("end marker");
                List<JsonNode> before = r.framesBefore(end);
                assertEquals(1, count(before, "hello all"), "exactly once: " + before);
                JsonNode m = before.stream().filter(f -> isMessage(f, "hello all")).findFirst().orElseThrow();
                assertEquals("group", m.path("kind").asText());
                assertEquals("g.a", m.path("from").asText());
                assertEquals("g.a", m.path("name").asText());
                assertSameMessage(ok, m);
                assertFalse(m.has("offline"), m.toString());
                assertFalse(m.has("to"), m.toString());
            }
            b.say("sentinel for the sender");
            JsonNode sentinel = a.awaitMessage("sentinel for the sender");
            List<JsonNode> own = a.framesBefore(sentinel).stream()
                    .filter(f -> isMessage(f) && "g.a".equals(f.path("from").asText()))
                    .toList();
            assertEquals(List.of(), own, "the sender does not get its own messages back");
        }
    }

    @Test
    @DisplayName("200 messages pipelined by one sender arrive complete and in order at two receivers")
    void oneSendersMessagesKeepTheirOrder() {
        int n = 200;
        try (JsonClient sender = server.loggedIn("g.fast"); JsonClient r1 = server.loggedIn("g.r1");
             JsonClient r2 = server.loggedIn("g.r2")) {
            r1.awaitCatchUp("g.r1");
            r2.awaitCatchUp("g.r2");
            for (int i = 0; i < n; i++) {
                sender.send(op("say", "text", "seq " + i, "rid", "s" + i));
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String rid = "s" + i;
                JsonNode ok = sender.await(f -> rid.equals(f.path("rid").asText()), "say reply " + i);
                assertTrue(ok.path("ok").asBoolean(), ok.toString());
                assertTrue(ids.add(ok.path("id").asText()), "ids are unique: " + ok);
            }
            for (JsonClient r : List.of(r1, r2)) {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    JsonNode m = r.await(f -> isMessage(f)
                            && "g.fast".equals(f.path("from").asText()), "message " + i + " from g.fast");
                    got.add(m.path("text").asText());
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < n; i++) expected.add("seq " + i);
                assertEquals(expected, got);
            }
        }
    }

    @Test
    @DisplayName("a say retried with the same cid gets the same id and is delivered once; a new cid is a new message")
    void cidRetryIsDeliveredOnce() {
        try (JsonClient a = server.loggedIn("g.retry"); JsonClient b = server.loggedIn("g.retry.rx")) {
            b.awaitCatchUp("g.retry.rx");
            JsonNode first = a.request(op("say", "text", "only once", "cid", "c-1"));
            JsonNode retry = a.request(op("say", "text", "only once", "cid", "c-1"));
            assertTrue(first.path("ok").asBoolean(), first.toString());
            assertTrue(retry.path("ok").asBoolean(), retry.toString());
            assertSameMessage(first, retry);

            JsonNode other = a.request(op("say", "text", "only once", "cid", "c-2"));
            assertNotEquals(first.path("id").asText(), other.path("id").asText());

            a.say("cid sentinel");
            JsonNode sentinel = b.awaitMessage("cid sentinel");
            List<JsonNode> got = b.framesBefore(sentinel).stream().filter(f -> isMessage(f, "only once")).toList();
            assertEquals(2, got.size(), "c-1 once and c-2 once: " + got);
            assertEquals(first.path("id").asText(), got.get(0).path("id").asText());
            assertEquals(other.path("id").asText(), got.get(1).path("id").asText());
        }
    }

    @Test
    @DisplayName("a cid is per sender: another user's message with the same cid is delivered")
    void cidIsPerSender() {
        try (JsonClient a = server.loggedIn("g.cid1"); JsonClient b = server.loggedIn("g.cid2");
             JsonClient rx = server.loggedIn("g.cid.rx")) {
            rx.awaitCatchUp("g.cid.rx");
            JsonNode fromA = a.request(op("say", "text", "from a", "cid", "same"));
            JsonNode fromB = b.request(op("say", "text", "from b", "cid", "same"));
            assertNotEquals(fromA.path("id").asText(), fromB.path("id").asText());
            rx.awaitMessage("from a");
            rx.awaitMessage("from b");
        }
    }
}
