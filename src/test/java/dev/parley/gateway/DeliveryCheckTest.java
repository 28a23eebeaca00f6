package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import dev.parley.service.BusCheck;
import dev.parley.service.node.Delivery;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The delivery consumer's checks accept every body the nodes send, and name the first problem of others. */
class DeliveryCheckTest {
    private static String problem(Object body) {
        // Through JSON text, as a body crossing the cluster arrives.
        Object wire = body instanceof JsonObject j ? new JsonObject(j.encode()) : body;
        return NodeDeliveryVerticle.check(BusCheck.of(wire)).problem();
    }

    @Test
    @DisplayName("every Delivery the nodes build passes")
    void realDeliveriesPass() {
        StoredMessage group = new StoredMessage("id-1", "alice", "Alice", null, "hi", 1L, 7L);
        StoredMessage direct = new StoredMessage("id-2", "alice", "Alice", "bob", "psst", 2L, 0L);
        assertNull(problem(Delivery.groupMessage(group)));
        assertNull(problem(Delivery.privateMessage(direct)));
        assertNull(problem(Delivery.presence("alice", "Alice", true)));
        assertNull(problem(Delivery.kick("alice", "session-1", ByeReason.REPLACED)));
        assertNull(problem(new JsonObject().put("type", Delivery.PING)));
    }

    @Test
    @DisplayName("malformed bodies are refused with the field named")
    void malformedBodiesAreNamed() {
        assertEquals("message: expected an object", problem(new JsonObject().put("type", "group")));
        assertEquals("message.text: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(new JsonObject().put("type", "group").put("message", new JsonObject().put("id", "1").put("from", "a"))));
        assertEquals("message.to: expected absent", problem(Delivery.groupMessage(
                new StoredMessage("1", "a", "A", "b", "t", 1L, 1L))));
        assertEquals("message.to: expected a string of at most " + BusCheck.FIELD_MAX + " characters", problem(
                Delivery.privateMessage(new StoredMessage("1", "a", "A", null, "t", 1L, 0L))));
        assertEquals("online: expected true or false", problem(new JsonObject().put("type", "presence").put("user", "u").put("online", "yes")));
        assertEquals("reason: expected one of", problem(Delivery.kick("u", "s", ByeReason.REPLACED).put("reason", "NOPE"))
                .substring(0, "reason: expected one of".length()));
        assertEquals("session: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(Delivery.kick("u", "x".repeat(BusCheck.ID_MAX + 1), ByeReason.REPLACED)));
        assertEquals("body is not a JSON object", problem("text"));
        assertEquals("type: expected one of", problem(new JsonObject().put("type", 3)).substring(0, "type: expected one of".length()));
    }
}
