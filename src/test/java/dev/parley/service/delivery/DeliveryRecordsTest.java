package dev.parley.service.delivery;

import dev.parley.protocol.ByeReason;
import dev.parley.service.BusCheck;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every node delivery survives the trip through JSON text, and a malformed one is refused with the field named. */
class DeliveryRecordsTest {
    private static final StoredMessage GROUP = new StoredMessage("id-1", "alice", "Alice", null, "hi", 1L, 7L);
    private static final StoredMessage DIRECT = new StoredMessage("id-2", "alice", "Alice", "bob", "psst", 2L, 0L);
    private static final java.util.Map<String, String> TAGS = java.util.Map.of("+typing", "active", "+draft/reply", "id-1");

    /** Through JSON text, as a body crossing the cluster arrives. */
    private static JsonObject wire(JsonObject j) {
        return new JsonObject(j.encode());
    }

    private static String problem(JsonObject body) {
        return assertThrows(BusCheck.InvalidBody.class, () -> Delivery.fromJson(wire(body))).getMessage();
    }

    @Test
    @DisplayName("every delivery the nodes send comes back equal from its JSON")
    void roundTrip() {
        List<Delivery> all = List.of(new PresenceChange("alice", "Alice", true), new PresenceChange("bob", null, false), PresenceChange.nodeLost("bob", "Bob"),
                PresenceChange.away("alice", "Alice", "lunch", List.of("#lobby", "#dev")), PresenceChange.away("alice", null, null, List.of()),
                new GroupMessage(GROUP), new PrivateMessage(DIRECT), new Kick("alice", "session-1", ByeReason.REPLACED),
                new Kick(null, "session-2", ByeReason.KICKED), new CloseUser("alice", ByeReason.KICKED, "bye"),
                new CloseUser("alice", ByeReason.ACCOUNT_DELETED, null), new ServerNotice("ADMIN", "maintenance at 5"), new Ping(),
                new RoomMessage("#dev", "#Dev", GROUP, TAGS), new PrivateMessage(DIRECT, TAGS),
                new RoomTags("#dev", "#Dev", "alice", "Alice", "t-1", 3L, TAGS), new RoomTags("#dev", "#Dev", "alice", null, "t-2", 3L, java.util.Map.of()),
                new PrivateTags("alice", "Alice", "bob", "t-3", 4L, TAGS));
        for (Delivery d : all) assertEquals(d, Delivery.fromJson(wire(d.toJson())), d.toString());
    }

    @Test
    @DisplayName("the JSON keeps today's field order on the wire")
    void wireShape() {
        assertEquals("{\"type\":\"presence\",\"user\":\"alice\",\"name\":\"Alice\",\"online\":true}",
                new PresenceChange("alice", "Alice", true).toJson().encode());
        assertEquals("{\"type\":\"kick\",\"user\":\"u\",\"session\":\"s\",\"reason\":\"REPLACED\"}",
                new Kick("u", "s", ByeReason.REPLACED).toJson().encode());
        assertEquals("{\"type\":\"ping\"}", new Ping().toJson().encode());
    }

    @Test
    @DisplayName("replies come back equal from their JSON, and a missing or wrong-typed field is refused")
    void replies() {
        assertEquals(new Delivered(true), Delivered.fromJson(wire(new Delivered(true).toJson())));
        assertEquals(new Closed(false), Closed.fromJson(wire(new Closed(false).toJson())));
        assertEquals(new Pong("node-1"), Pong.fromJson(wire(new Pong("node-1").toJson())));
        assertThrows(BusCheck.InvalidBody.class, () -> Delivered.fromJson(new JsonObject()));
        assertThrows(BusCheck.InvalidBody.class, () -> Closed.fromJson(new JsonObject().put("closed", "yes")));
        assertThrows(BusCheck.InvalidBody.class, () -> Pong.fromJson(new JsonObject().put("node", 3)));
    }

    @Test
    @DisplayName("client tags on the bus: absent when none; a non-client or malformed name, a non-string value or over 4,094 bytes is refused")
    void clientTags() {
        assertEquals(false, new RoomMessage("#dev", "#Dev", GROUP).toJson().containsKey("tags"));
        JsonObject body = new PrivateTags("alice", null, "bob", "t-1", 1L, TAGS).toJson();
        assertEquals("tags: not a client-only tag name: label",
                problem(body.copy().put("tags", new JsonObject().put("label", "x"))));
        assertEquals("tags: expected an object of strings", problem(body.copy().put("tags", new JsonObject().put("+n", 3))));
        assertEquals("tags: expected an object of strings", problem(body.copy().put("tags", "x")));
        assertEquals("tags: client tags take 4095 bytes, more than 4094",
                problem(body.copy().put("tags", new JsonObject().put("+big", "v".repeat(4090)))));
        assertEquals("tags: not a client-only tag name: +a b",
                problem(new RoomTags("#d", "#d", "a", null, "t", 1L, java.util.Map.of()).toJson().put("tags", new JsonObject().put("+a b", ""))));
    }

    @Test
    @DisplayName("malformed deliveries are refused with the first problem named")
    void malformedBodiesAreNamed() {
        assertEquals("message: expected an object", problem(new JsonObject().put("type", "group")));
        assertEquals("message.text: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(new JsonObject().put("type", "group").put("message", new JsonObject().put("id", "1").put("from", "a"))));
        assertEquals("message.to: expected absent", problem(new GroupMessage(DIRECT).toJson()));
        assertEquals("message.to: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(new PrivateMessage(GROUP).toJson()));
        assertEquals("online: expected true or false",
                problem(new JsonObject().put("type", "presence").put("user", "u").put("online", "yes")));
        assertEquals("user: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(new JsonObject().put("type", "presence").put("user", 42).put("online", true)));
        assertEquals("reason: expected one of", problem(new Kick("u", "s", ByeReason.REPLACED).toJson().put("reason", "NOPE"))
                .substring(0, "reason: expected one of".length()));
        assertEquals("session: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(new Kick("u", "x".repeat(BusCheck.ID_MAX + 1), ByeReason.REPLACED).toJson()));
        assertEquals("user: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(new JsonObject().put("type", "close_user").put("reason", "KICKED")));
        assertEquals("message: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(new JsonObject().put("type", "notice").put("code", "ADMIN")));
        assertEquals("type: expected one of", problem(new JsonObject().put("type", 3)).substring(0, "type: expected one of".length()));
        assertEquals("type: expected one of", problem(new JsonObject()).substring(0, "type: expected one of".length()));
    }
}
