package dev.parley.service.presence;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.service.Bus;
import dev.parley.service.BusMetrics;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.room.FakeRoomStore;
import dev.parley.service.room.RoomAddresses;
import dev.parley.store.LastSeenStore;
import dev.parley.store.MemoryPresenceStore;
import dev.parley.store.Room;
import dev.parley.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.parley.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Arrivals and departures reach the user's rooms: one event naming the rooms it went to, on every node for
 * the default room (under limits.presenceFanoutMax) and on each other room's address while the room has at
 * most rooms.presenceFanoutMax members.
 */
class RoomPresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Vertx vertx = Vertx.vertx();
    private final FakeRoomStore rooms = new FakeRoomStore();

    @AfterEach
    void close() throws Exception {
        result(vertx.close());
    }

    /** alice is in #a (3 members), #b (2) and #big (4); rooms.presenceFanoutMax is 3. */
    private void start(int defaultFanoutMax) throws Exception {
        JsonObject tree = ConfigLoader.defaults();
        tree.getJsonObject("rooms").put("presenceFanoutMax", 3);
        ParleyConfig config = ParleyConfig.from(tree);
        for (String r : List.of("#a", "#b", "#big", "#lobby")) result(rooms.create(Room.created(r, r, null, 0), 100));
        for (String u : List.of("alice", "x", "y")) result(rooms.join("#a", u, 100));
        for (String u : List.of("alice", "x")) result(rooms.join("#b", u, 100));
        for (String u : List.of("alice", "x", "y", "z")) result(rooms.join("#big", u, 100));
        result(vertx.deployVerticle(new PresenceVerticle(new Bus(BusMetrics.NONE), 200, defaultFanoutMax, new MemoryPresenceStore(),
                new NoLastSeen(), rooms, config.rooms(), 0, OnlineListCounts.NONE)));
    }

    @Test
    @DisplayName("an arrival and a departure go once to every node and to each small room, listing the default room first")
    void arrivalAndDeparture() throws Exception {
        start(10);
        List<JsonObject> all = listen(NodeAddresses.ALL);
        List<JsonObject> a = listen(RoomAddresses.events("#a"));
        List<JsonObject> b = listen(RoomAddresses.events("#b"));
        List<JsonObject> big = listen(RoomAddresses.events("#big"));

        join("alice");
        PresenceChange arrived = new PresenceChange("alice", "ALICE", true, List.of("#lobby", "#a", "#b"));
        Await.until(() -> all.size() == 1 && a.size() == 1 && b.size() == 1, WAIT, "the arrival on every node, #a and #b");
        for (List<JsonObject> got : List.of(all, a, b)) assertEquals(arrived, PresenceChange.fromJson(got.get(0)));

        leave("alice");
        PresenceChange left = new PresenceChange("alice", "ALICE", false, List.of("#lobby", "#a", "#b"));
        Await.until(() -> all.size() == 2 && a.size() == 2 && b.size() == 2, WAIT, "the departure");
        for (List<JsonObject> got : List.of(all, a, b)) assertEquals(left, PresenceChange.fromJson(got.get(1)));

        vertx.eventBus().publish(RoomAddresses.events("#big"), new JsonObject().put("marker", true));
        Await.until(() -> !big.isEmpty(), WAIT, "the marker on #big");
        assertEquals(List.of(new JsonObject().put("marker", true)), big, "#big has more than rooms.presenceFanoutMax members");
    }

    @Test
    @DisplayName("an away change rides the same fan-out as an arrival, once per change; a stale session changes nothing")
    void awayChanges() throws Exception {
        start(10);
        List<JsonObject> all = listen(NodeAddresses.ALL);
        List<JsonObject> a = listen(RoomAddresses.events("#a"));
        join("alice");
        Await.until(() -> all.size() == 1 && a.size() == 1, WAIT, "the arrival");

        assertEquals(new AwayReply(true), away("alice", "alice-s", "lunch"));
        Await.until(() -> all.size() == 2 && a.size() == 2, WAIT, "the away change on every node and #a");
        PresenceChange gone = PresenceChange.away("alice", "ALICE", "lunch", List.of("#lobby", "#a", "#b"));
        assertEquals(gone, PresenceChange.fromJson(all.get(1)));
        assertEquals(gone, PresenceChange.fromJson(a.get(1)));

        assertEquals(new AwayReply(true), away("alice", "alice-s", "lunch"));
        assertEquals(new AwayReply(false), away("alice", "old-session", null), "only the current session sets it");
        assertEquals(new AwayReply(true), away("alice", "alice-s", null));
        Await.until(() -> all.size() >= 3 && a.size() >= 3, WAIT, "back");
        assertEquals(PresenceChange.away("alice", "ALICE", null, List.of("#lobby", "#a", "#b")), PresenceChange.fromJson(all.get(2)),
                "the repeated AWAY and the stale session's were not announced: back came next");
    }

    @Test
    @DisplayName("above limits.presenceFanoutMax online, the default room is not told, and not listed; the small rooms still are")
    void defaultRoomOverItsCap() throws Exception {
        start(1);
        List<JsonObject> all = listen(NodeAddresses.ALL);
        List<JsonObject> a = listen(RoomAddresses.events("#a"));
        join("x");
        join("alice");
        Await.until(() -> a.size() == 2, WAIT, "x's and alice's arrivals on #a");
        PresenceChange arrived = PresenceChange.fromJson(a.get(1));
        assertEquals(new PresenceChange("alice", "ALICE", true, List.of("#a", "#b")), arrived);
        assertEquals(List.of("#lobby", "#a", "#b"), PresenceChange.fromJson(a.get(0)).rooms(), "x arrived while one was online");
        assertEquals(1, all.size(), "only x's arrival went to every node");
    }

    @Test
    @DisplayName("a user in no other room is announced exactly as before rooms: every node, no rooms list")
    void noRooms() throws Exception {
        start(10);
        List<JsonObject> all = listen(NodeAddresses.ALL);
        join("loner");
        Await.until(() -> all.size() == 1, WAIT, "the arrival");
        assertFalse(all.get(0).containsKey("rooms"));
        assertEquals(new PresenceChange("loner", "LONER", true), PresenceChange.fromJson(all.get(0)));
    }

    @Test
    @DisplayName("a dead node's users are announced to this node's users once, naming their small rooms")
    void locally() throws Exception {
        start(10);
        List<dev.parley.service.delivery.Delivery> local = new ArrayList<>();
        PresenceAnnouncer rule = new PresenceAnnouncer(10, d -> { });
        RoomPresence toLocalUsers = new RoomPresence("#lobby", 3, rooms, rule, RoomPresence.locally(local::add));
        PresenceAnnouncer localUsers = rule.withRooms(toLocalUsers);
        localUsers.left(List.of(new dev.parley.store.PresenceEntry("alice", "Alice", "dead", "s")), 0);
        Await.until(() -> local.size() == 1, WAIT, "the departure");
        assertEquals(List.of(new PresenceChange("alice", "Alice", false, List.of("#lobby", "#a", "#b"))), local);
    }

    private AwayReply away(String user, String session, String text) throws Exception {
        return AwayReply.fromJson(result(vertx.eventBus().<JsonObject>request(PresenceAddresses.AWAY,
                new AwayRequest(user, session, text).toJson())).body());
    }

    private void join(String user) throws Exception {
        result(vertx.eventBus().request(PresenceAddresses.JOIN, new JoinRequest(user, user.toUpperCase(), "n1", user + "-s").toJson()));
    }

    private void leave(String user) throws Exception {
        result(vertx.eventBus().request(PresenceAddresses.LEAVE, new LeaveRequest(user, user + "-s", 0).toJson()));
    }

    private List<JsonObject> listen(String address) throws Exception {
        List<JsonObject> got = Collections.synchronizedList(new ArrayList<>());
        result(vertx.eventBus().<JsonObject>localConsumer(address, m -> got.add(m.body())).completion());
        return got;
    }


    private static final class NoLastSeen implements LastSeenStore {
        @Override
        public Future<Long> get(String user) {
            return Future.succeededFuture(null);
        }

        @Override
        public Future<Void> advance(String user, long seq) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> forget(String user) {
            return Future.succeededFuture();
        }
    }
}
