package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.Replies.assertSameMessage;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateMessageTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    @DisplayName("a private message to an online user is not stored and arrives marked private, with from and to")
    void onlineReceiverGetsItAtOnce() {
        try (JsonClient a = server.loggedIn("p.alice"); JsonClient b = server.loggedIn("p.bob");
             JsonClient c = server.loggedIn("p.carol")) {
            a.awaitCatchUp("p.alice");
            c.awaitCatchUp("p.carol");
            JsonNode ok = a.msg("p.bob", "psst bob");
            assertTrue(ok.path("ok").asBoolean(), ok.toString());
            assertFalse(ok.path("stored").asBoolean(true), ok.toString());
            assertFalse(ok.path("id").asText().isEmpty(), ok.toString());

            JsonNode m = b.awaitMessage("psst bob");
            assertEquals("private", m.path("kind").asText());
            assertEquals("p.alice", m.path("from").asText());
            assertEquals("p.bob", m.path("to").asText());
            assertSameMessage(ok, m);
            assertFalse(m.has("offline"), m.toString());

            // Only bob: carol and the sender see nothing of it.
            a.say("private sentinel");
            JsonNode sc = c.awaitMessage("private sentinel");
            assertEquals(List.of(), c.framesBefore(sc).stream().filter(f -> "psst bob".equals(f.path("text").asText())).toList());
            b.say("sentinel to alice");
            JsonNode sa = a.awaitMessage("sentinel to alice");
            assertEquals(List.of(), a.framesBefore(sa).stream().filter(Replies::isMessage)
                    .filter(f -> !"p.alice".equals(f.path("from").asText())).toList());
        }
    }

    @Test
    @DisplayName("mail to an offline user is stored, arrives after the login reply marked offline, oldest first, and only once")
    void offlineReceiverGetsItAtNextLogin() {
        server.register("p.sender", "p.away");
        List<String> ids = new ArrayList<>();
        try (JsonClient a = server.loggedIn("p.sender")) {
            for (int i = 1; i <= 3; i++) {
                JsonNode ok = a.msg("p.away", "while you were out " + i);
                assertTrue(ok.path("ok").asBoolean(), ok.toString());
                assertTrue(ok.path("stored").asBoolean(), ok.toString());
                ids.add(ok.path("id").asText());
            }

            try (JsonClient b = server.json()) {
                JsonNode login = b.login("p.away", "123456");
                List<JsonNode> mail = new ArrayList<>();
                for (int i = 1; i <= 3; i++) mail.add(b.awaitMessage("while you were out " + i));
                List<JsonNode> log = b.log();
                int loginAt = log.indexOf(login);
                for (int i = 0; i < 3; i++) {
                    JsonNode m = mail.get(i);
                    assertTrue(m.path("offline").asBoolean(), m.toString());
                    assertEquals("private", m.path("kind").asText());
                    assertEquals("p.sender", m.path("from").asText());
                    assertEquals("p.away", m.path("to").asText());
                    assertEquals(ids.get(i), m.path("id").asText());
                    assertTrue(log.indexOf(m) > loginAt, "mail comes after the login reply");
                    if (i > 0) assertTrue(log.indexOf(m) > log.indexOf(mail.get(i - 1)), "oldest first");
                }
                a.msg("p.away", "live sentinel 1");
                JsonNode sentinel = b.awaitMessage("live sentinel 1");
                assertEquals(3, b.framesBefore(sentinel).stream().filter(Replies::isMessage).count(),
                        "each stored message exactly once: " + b.log());
                b.request(op("logout"));
                b.awaitClosed();
            }

            try (JsonClient again = server.json()) {
                again.login("p.away", "123456");
                a.msg("p.away", "live sentinel 2");
                JsonNode sentinel = again.awaitMessage("live sentinel 2");
                assertEquals(List.of(), again.framesBefore(sentinel).stream().filter(Replies::isMessage).toList(),
                        "delivered mail is gone from the mailbox");
            }
        }
    }

    @Test
    @DisplayName("a private message to an unknown user is NO_SUCH_USER")
    void unknownReceiver() {
        try (JsonClient a = server.loggedIn("p.lonely")) {
            JsonNode r = a.msg("p.does-not-exist", "anyone?");
            assertFalse(r.path("ok").asBoolean(), r.toString());
            assertEquals("msg", r.path("op").asText());
            assertEquals("NO_SUCH_USER", code(r), r.toString());
        }
    }

    @Test
    @DisplayName("over mailbox.maxMessagesPerUser the sender gets MAILBOX_FULL; what was accepted is delivered")
    void fullMailboxIsReportedNotDropped() {
        try (TestServer s = TestServer.start(Map.of("mailbox.maxMessagesPerUser", 3))) {
            try (JsonClient reg = s.json()) {
                reg.register("full", "123456");
            }
            try (JsonClient a = s.loggedIn("filler")) {
                for (int i = 1; i <= 3; i++) {
                    JsonNode ok = a.msg("full", "fits " + i);
                    assertTrue(ok.path("stored").asBoolean(), ok.toString());
                }
                JsonNode fourth = a.msg("full", "does not fit");
                assertFalse(fourth.path("ok").asBoolean(), fourth.toString());
                assertEquals("MAILBOX_FULL", code(fourth), fourth.toString());

                try (JsonClient b = s.json()) {
                    b.login("full", "123456");
                    for (int i = 1; i <= 3; i++) b.awaitMessage("fits " + i);
                    a.msg("full", "quota sentinel");
                    JsonNode sentinel = b.awaitMessage("quota sentinel");
                    assertEquals(List.of(), b.framesBefore(sentinel).stream()
                            .filter(f -> "does not fit".equals(f.path("text").asText())).toList());
                }
            }
        }
    }

    @Test
    @DisplayName("the sender is always the session's user: a forged from or name in the request is ignored")
    void senderCannotBeForged() {
        server.register("p.forger", "p.target", "p.admin");
        try (JsonClient forger = server.loggedIn("p.forger"); JsonClient target = server.loggedIn("p.target")) {
            target.awaitCatchUp("p.target");
            var online = op("msg", "to", "p.target", "text", "forged online", "from", "p.admin", "name", "Admin");
            assertTrue(forger.request(online).path("ok").asBoolean());
            JsonNode m = target.awaitMessage("forged online");
            assertEquals("p.forger", m.path("from").asText(), m.toString());
            assertEquals("p.forger", m.path("name").asText(), m.toString());

            var group = op("say", "text", "forged group", "from", "p.admin", "name", "Admin");
            assertTrue(forger.request(group).path("ok").asBoolean());
            JsonNode g = target.awaitMessage("forged group");
            assertEquals("p.forger", g.path("from").asText(), g.toString());
            assertEquals("p.forger", g.path("name").asText(), g.toString());
        }
        try (JsonClient forger = server.loggedIn("p.forger")) {
            var stored = op("msg", "to", "p.admin", "text", "forged stored", "from", "p.target");
            assertTrue(forger.request(stored).path("stored").asBoolean());
        }
        try (JsonClient admin = server.loggedIn("p.admin")) {
            JsonNode m = admin.awaitMessage("forged stored");
            assertEquals("p.forger", m.path("from").asText(), m.toString());
            assertTrue(m.path("offline").asBoolean(), m.toString());
        }
    }

    @Test
    @DisplayName("a msg retried with the same cid gets the same id and is delivered once")
    void msgCidRetryIsDeliveredOnce() {
        try (JsonClient a = server.loggedIn("p.retry"); JsonClient b = server.loggedIn("p.retry.rx")) {
            JsonNode first = a.request(op("msg", "to", "p.retry.rx", "text", "once please", "cid", "m-1"));
            JsonNode retry = a.request(op("msg", "to", "p.retry.rx", "text", "once please", "cid", "m-1"));
            assertEquals(first.path("id").asText(), retry.path("id").asText());
            assertEquals(first.path("stored"), retry.path("stored"));
            a.msg("p.retry.rx", "cid sentinel");
            JsonNode sentinel = b.awaitMessage("cid sentinel");
            assertEquals(1, b.framesBefore(sentinel).stream().filter(f -> "once please".equals(f.path("text").asText())).count());
        }
    }
}
