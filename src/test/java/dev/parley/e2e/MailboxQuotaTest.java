package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.store.mvstore.MvStores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one client can make the store hold for an offline user is bounded, and every refusal is answered. */
class MailboxQuotaTest {
    /** About 8 KB of UTF-8: the largest text a frame of 8192 bytes can carry. */
    static final String BIG = "é".repeat(3999);

    @Test
    @DisplayName("over mailbox.maxMessagesPerSender one sender gets MAILBOX_FULL, another sender still gets through")
    void perSenderCap() {
        try (TestServer s = TestServer.start(Map.of("mailbox.maxMessagesPerSender", 3))) {
            try (JsonClient reg = s.json()) {
                reg.register("q.bob", "123456");
            }
            try (JsonClient alice = s.loggedIn("q.alice"); JsonClient carol = s.loggedIn("q.carol")) {
                for (int i = 1; i <= 3; i++) assertTrue(alice.msg("q.bob", "alice " + i).path("stored").asBoolean());
                JsonNode refused = alice.msg("q.bob", "alice refused");
                assertEquals("MAILBOX_FULL", code(refused), refused.toString());
                assertTrue(refused.path("error").path("message").asText().contains("3 unread messages waiting for q.bob"),
                        refused.toString());
                assertTrue(carol.msg("q.bob", "carol 1").path("stored").asBoolean(), "another sender is not locked out");

                try (JsonClient bob = s.json()) {
                    bob.login("q.bob", "123456");
                    for (String t : List.of("alice 1", "alice 2", "alice 3", "carol 1")) bob.awaitMessage(t);
                    JsonNode barrier = bob.awaitCatchUp("q.bob");
                    assertFalse(bob.framesBefore(barrier).stream().anyMatch(f -> f.path("text").asText().equals("alice refused")));
                }
            }
        }
    }

    @Test
    @DisplayName("over mailbox.maxBytesPerUser the mailbox refuses with MAILBOX_FULL, whoever sends; nothing is dropped silently")
    void byteQuota() {
        try (TestServer s = TestServer.start(Map.of("mailbox.maxBytesPerUser", 65_536))) {
            try (JsonClient reg = s.json()) {
                reg.register("q.dave", "123456");
            }
            try (JsonClient a = s.loggedIn("q.eve"); JsonClient b = s.loggedIn("q.frank")) {
                int stored = 0;
                JsonNode r;
                while ((r = a.msg("q.dave", stored + BIG)).path("ok").asBoolean()) {
                    assertTrue(r.path("stored").asBoolean());
                    stored++;
                    assertTrue(stored <= 8, "64 KiB hold at most 8 messages of 8 KB");
                }
                assertEquals(8, stored, "8 messages of ≈ 8.1 KB of JSON fit in 64 KiB, the 9th does not");
                assertEquals("MAILBOX_FULL", code(r), r.toString());
                assertTrue(r.path("error").path("message").asText().contains("64 KiB"), r.toString());
                JsonNode other = b.msg("q.dave", BIG);
                assertEquals("MAILBOX_FULL", code(other), "the byte quota is the recipient's, whoever sends");

                try (JsonClient dave = s.json()) {
                    dave.login("q.dave", "123456");
                    for (int i = 0; i < stored; i++) dave.awaitMessage(i + BIG);
                }
            }
        }
    }

    @Test
    @DisplayName("the reported attack (1,000 x 8 KB to one offline user, with 64-char cids, from 3 accounts) keeps at most 1 MiB of mail")
    void attackIsBounded() throws Exception {
        try (TestServer s = TestServer.start(Map.of("limits.ratePerSecond", 1_000_000, "limits.rateBurst", 1_000_000))) {
            try (JsonClient reg = s.json()) {
                reg.register("q.victim", "123456");
            }
            List<JsonClient> attackers = List.of(s.loggedIn("q.m1"), s.loggedIn("q.m2"), s.loggedIn("q.m3"));
            Path file = s.dataDir().resolve(MvStores.FILE_NAME);
            long before = Files.size(file);
            int stored = 0;
            int refused = 0;
            for (int i = 0; i < 1000; i++) {
                for (JsonClient a : attackers) {
                    String cid = String.format("%064d", i);
                    JsonNode r = a.request(op("msg", "to", "q.victim", "text", BIG, "cid", cid));
                    if (r.path("ok").asBoolean()) stored++;
                    else if ("MAILBOX_FULL".equals(code(r))) refused++;
                    else throw new AssertionError(r.toString());
                }
            }
            attackers.forEach(JsonClient::close);
            s.stop(); // closing commits and lets the file settle
            long growth = Files.size(file) - before;
            System.out.printf("mailbox attack: %d stored, %d refused, store file grew by %,d bytes%n", stored, refused, growth);
            assertEquals(3000, stored + refused);
            assertTrue(stored * 8000L <= 1 << 20, "at most 1 MiB of 8 KB messages: " + stored);
            // The file grows by more than the live mail: MVStore writes each commit as a new chunk and reuses the
            // space of old ones only after its retention time. Before the quotas this attack stored 1,000 messages.
            assertTrue(growth < 8L << 20, "store growth " + growth + " bytes");
        }
    }
}
