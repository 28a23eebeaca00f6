package dev.parley.service.presence;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The presence service's messages survive the trip through JSON text; a malformed one is refused with the field named. */
class PresenceRecordsTest {
    private static JsonObject wire(JsonObject j) {
        return new JsonObject(j.encode());
    }

    private static String problem(java.util.function.Function<JsonObject, ?> fromJson, JsonObject body) {
        return assertThrows(BusCheck.InvalidBody.class, () -> fromJson.apply(wire(body))).getMessage();
    }

    @Test
    @DisplayName("requests and replies come back equal from their JSON")
    void roundTrip() {
        JoinRequest join = new JoinRequest("alice", "Alice", "node-1", "session-1");
        assertEquals(join, JoinRequest.fromJson(wire(join.toJson())));
        JoinRequest nameless = new JoinRequest("bob", null, "node-1", "session-2");
        assertEquals(nameless, JoinRequest.fromJson(wire(nameless.toJson())));
        LeaveRequest leave = new LeaveRequest("alice", "session-1", 42);
        assertEquals(leave, LeaveRequest.fromJson(wire(leave.toJson())));
        assertEquals(new LeaveReply(true), LeaveReply.fromJson(wire(new LeaveReply(true).toJson())));
        assertEquals(new WhoRequest(), WhoRequest.fromJson(wire(new WhoRequest().toJson())));
        OnlineListing listing = new OnlineListing(7, List.of(new OnlineListing.OnlineUser("alice", "Alice"),
                new OnlineListing.OnlineUser("bob", null)));
        assertEquals(listing, OnlineListing.fromJson(wire(listing.toJson())));
        assertEquals(new LocateRequest("alice"), LocateRequest.fromJson(wire(new LocateRequest("alice").toJson())));
        Location here = new Location("node-1", "session-1");
        assertEquals(here, Location.fromJson(wire(here.toJson())));
        assertEquals(Location.OFFLINE, Location.fromJson(wire(Location.OFFLINE.toJson())));
        assertFalse(Location.OFFLINE.online());
        Location away = new Location("node-1", "session-1", "lunch");
        assertEquals(away, Location.fromJson(wire(away.toJson())));
        OnlineListing withAway = new OnlineListing(1, List.of(new OnlineListing.OnlineUser("carol", "Carol", "lunch")));
        assertEquals(withAway, OnlineListing.fromJson(wire(withAway.toJson())));
        for (AwayRequest r : List.of(new AwayRequest("alice", "session-1", "lunch"), new AwayRequest("alice", "session-1", null))) {
            assertEquals(r, AwayRequest.fromJson(wire(r.toJson())));
        }
        assertEquals(new AwayReply(false), AwayReply.fromJson(wire(new AwayReply(false).toJson())));
    }

    @Test
    @DisplayName("the JSON keeps today's shape: the login and who replies hand it to clients as is")
    void wireShape() {
        assertEquals("{\"count\":2,\"online\":[{\"user\":\"bob\",\"name\":null}]}",
                new OnlineListing(2, List.of(new OnlineListing.OnlineUser("bob", null))).toJson().encode());
        assertEquals("{}", Location.OFFLINE.toJson().encode());
        assertEquals(0L, LeaveRequest.fromJson(new JsonObject().put("user", "a").put("session", "s")).lastGroupSeq(),
                "no position means none seen");
    }

    @Test
    @DisplayName("a missing or wrong-typed field is refused with the field named")
    void malformed() {
        assertEquals("node: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(JoinRequest::fromJson, new JsonObject().put("user", "alice").put("session", "s")));
        assertEquals("user: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(JoinRequest::fromJson, new JoinRequest("x", "X", "n", "s").toJson().put("user", 7)));
        assertEquals("session: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(JoinRequest::fromJson, new JoinRequest("x", "X", "n", "s".repeat(BusCheck.ID_MAX + 1)).toJson()));
        assertEquals("lastGroupSeq: expected a whole number",
                problem(LeaveRequest::fromJson, new LeaveRequest("a", "s", 1).toJson().put("lastGroupSeq", "x")));
        assertEquals("session: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(LeaveRequest::fromJson, new JsonObject().put("user", "a")));
        assertEquals("removed: expected true or false", problem(LeaveReply::fromJson, new JsonObject()));
        assertEquals("user: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(LocateRequest::fromJson, new JsonObject()));
        assertEquals("count: expected a whole number",
                problem(OnlineListing::fromJson, new JsonObject().put("online", new JsonArray())));
        assertEquals("online: expected an array",
                problem(OnlineListing::fromJson, new JsonObject().put("count", 1).put("online", "alice")));
        assertEquals("user: expected a string of at most " + BusCheck.FIELD_MAX + " characters",
                problem(OnlineListing::fromJson, new JsonObject().put("count", 1).put("online", new JsonArray().add(new JsonObject()))));
        assertEquals("node: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(Location::fromJson, new JsonObject().put("node", 3)));
        assertEquals("session: expected a string of at most " + BusCheck.ID_MAX + " characters",
                problem(Location::fromJson, new JsonObject().put("node", "n")));
    }
}
