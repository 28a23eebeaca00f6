package dev.parley.e2e;

import dev.parley.protocol.ChatError;
import dev.parley.service.auth.AuthAddresses;
import dev.parley.service.group.GroupAddresses;
import dev.parley.service.mailbox.MailboxAddresses;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.testkit.Await;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bus consumers check what they receive: a malformed body is dropped and counted (parley_bus_invalid_total),
 * a malformed request is answered BAD_REQUEST at once, and the node keeps serving its users.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BusValidationTest {
    @RegisterExtension
    final TestServer server = TestServer.perTest();

    @Test
    @DisplayName("malformed deliveries and service requests are dropped and counted; users see nothing of them and still chat")
    void malformedBodiesAreDroppedAndCounted() throws Exception {
        try (JsonClient alice = server.loggedIn("bv-alice");
             JsonClient bob = server.loggedIn("bv-bob")) {
            alice.awaitPresence("bv-bob", "online");
            EventBus bus = server.server().vertx().eventBus();
            String own = NodeAddresses.node(server.server().nodeId());
            Object[] deliveries = {
                    new JsonObject().put("type", "group"),                                       // no message: an NPE before
                    new JsonObject().put("type", "group").put("message", new JsonObject().put("from", "bv-alice")),
                    new JsonObject().put("type", "group").put("message", "not an object"),
                    new JsonObject().put("type", "presence").put("user", 42).put("online", true),
                    new JsonObject().put("type", "presence").put("user", "mallory").put("online", "yes"),
                    new JsonObject().put("type", "kick").put("session", "s").put("reason", "NO_SUCH_REASON"),
                    new JsonObject().put("type", "private").put("message", new JsonObject().put("id", "1")
                            .put("from", "x").put("text", "t")),                                  // no receiver
                    new JsonObject().put("type", "nonsense"),
                    "not even JSON",
            };
            for (Object d : deliveries) bus.send(own, d);
            bus.publish(NodeAddresses.ALL, new JsonObject().put("type", "group"));
            awaitCount(server, "delivery", deliveries.length + 1);

            // Requests get BAD_REQUEST at once instead of a timeout (a ClassCastException before).
            assertBadRequest(bus, AuthAddresses.LOGIN, new JsonObject().put("user", 7).put("password", "x"));
            assertBadRequest(bus, GroupAddresses.HISTORY, new JsonObject().put("user", "bv-alice").put("upTo", "soon"));
            assertBadRequest(bus, PresenceAddresses.JOIN, new JsonObject().put("user", "bv-alice"));
            assertBadRequest(bus, MailboxAddresses.ACK, new JsonObject().put("user", "bv-alice")
                    .put("seqs", new JsonArray().add("x")));
            assertBadRequest(bus, MailboxAddresses.SEND, new JsonObject().put("from", "bv-alice").put("to", 3).put("text", "t"));
            awaitCount(server, "auth", 1);
            awaitCount(server, "group", 1);
            awaitCount(server, "presence", 1);
            awaitCount(server, "mailbox", 2);

            // The node still works, and nothing of the above reached a user.
            alice.say("still working");
            assertEquals("bv-alice", bob.awaitMessage("still working").path("from").asText());
            assertTrue(bob.unconsumed().stream().noneMatch(f -> f.path("user").asText().equals("mallory")
                    || f.path("op").asText().equals("bye")), bob.unconsumed().toString());
            bob.assertNothingWithin(Duration.ofMillis(300), f -> f.path("op").asText().equals("message"), "message");
        }
    }

    private static void assertBadRequest(EventBus bus, String address, JsonObject body) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> bus.request(address, body,
                        new DeliveryOptions().setSendTimeout(5000)).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS), address);
        ReplyException re = (ReplyException) e.getCause();
        assertEquals(ChatError.BAD_REQUEST.busCode, re.failureCode(), address + ": " + re.getMessage());
    }

    private static final Pattern COUNT = Pattern.compile("parley_bus_invalid_total\\{consumer=\"(\\w+)\",?} ([0-9.]+)");

    /** Counters move on the consumers' event loops: wait (bounded) for the expected count. */
    private static void awaitCount(TestServer server, String consumer, int expected) {
        double seen = Await.latest(() -> {
            Matcher m = COUNT.matcher(Http.get(server.opsPort(), "/metrics").body());
            double count = 0;
            while (m.find()) if (m.group(1).equals(consumer)) count = Double.parseDouble(m.group(2));
            return count;
        }, count -> count >= expected, Duration.ofSeconds(10), Duration.ofMillis(50));
        assertEquals(expected, (int) seen, "parley_bus_invalid_total{consumer=" + consumer + "}");
    }
}
