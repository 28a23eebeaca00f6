package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.RoomMessage;
import dev.parley.service.delivery.RoomTags;
import dev.parley.service.group.HistoryReply;
import dev.parley.service.group.SayReply;
import dev.parley.store.StoredMessage;
import dev.parley.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.parley.service.room.RoomFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saying, older history on demand, what a member missed, read positions and a user's rooms at login. */
class RoomChatTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private RoomFixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    private void start(Consumer<JsonObject> tweak) {
        f = new RoomFixture(tweak);
        f.join("alice", "#Dev");
        f.join("bob", "#dev");
    }

    @Test
    @DisplayName("say: stored in the room's history, then published once to the room's address with its seq")
    void say() {
        start(t -> { });
        List<JsonObject> dev = f.listen(RoomAddresses.events("#dev"));
        List<JsonObject> everyNode = f.listen(NodeAddresses.ALL);
        SayReply reply = SayReply.fromJson(f.ask(RoomAddresses.SAY, new RoomSayRequest("alice", "Alice", "#DEV", "hi", null).toJson()));

        List<StoredMessage> log = f.history.log("#dev");
        assertEquals(1, log.size());
        assertEquals(List.of(reply.id(), "hi", "alice", 1L), List.of(log.get(0).id(), log.get(0).text(), log.get(0).from(), log.get(0).seq()));
        Await.until(() -> dev.size() == 1, WAIT, "the message on #dev's address");
        RoomMessage published = RoomMessage.fromJson(dev.get(0));
        assertEquals(new RoomMessage("#dev", "#Dev", log.get(0)), published);
        f.say("bob", "#lobby", "marker");
        Await.until(() -> everyNode.size() == 1, WAIT, "the default room's message on every node");
        assertEquals("#lobby", everyNode.get(0).getString("room"), "a #dev message never goes to every node");
    }

    @Test
    @DisplayName("tags (TAGMSG): a member's client tags are published once to the room's address, never stored; a say's tags ride on its publication only")
    void tags() {
        start(t -> { });
        List<JsonObject> dev = f.listen(RoomAddresses.events("#dev"));
        List<JsonObject> everyNode = f.listen(NodeAddresses.ALL);
        Map<String, String> typing = Map.of("+typing", "active");
        SayReply sent = SayReply.fromJson(f.ask(RoomAddresses.TAGS, new RoomTagsRequest("alice", "Alice", "#DEV", typing).toJson()));
        Await.until(() -> dev.size() == 1, WAIT, "the tags on #dev's address");
        assertEquals(new RoomTags("#dev", "#Dev", "alice", "Alice", sent.id(), sent.ts(), typing), RoomTags.fromJson(dev.get(0)));
        assertEquals(List.of(), f.history.log("#dev"), "tags are never stored");
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.TAGS, new RoomTagsRequest("carol", null, "#dev", typing).toJson());
        f.refused(ChatError.NO_SUCH_ROOM, RoomAddresses.TAGS, new RoomTagsRequest("alice", null, "#none", typing).toJson());
        f.ask(RoomAddresses.TAGS, new RoomTagsRequest("carol", null, "#lobby", typing).toJson());
        Await.until(() -> everyNode.size() == 1, WAIT, "the default room's tags on every node (implicit members)");
        assertEquals("room_tags", everyNode.get(0).getString("type"));

        Map<String, String> reply = Map.of("+draft/reply", sent.id());
        f.ask(RoomAddresses.SAY, new RoomSayRequest("alice", null, "#dev", "re", null, reply).toJson());
        Await.until(() -> dev.size() == 2, WAIT, "the say on #dev's address");
        RoomMessage said = RoomMessage.fromJson(dev.get(1));
        assertEquals(reply, said.tags());
        assertEquals(said.message(), f.history.log("#dev").get(0), "stored as a plain message (tags are live only)");
        assertEquals(false, said.message().toJson().containsKey("tags"));
    }

    @Test
    @DisplayName("say: only members speak (NOT_IN_ROOM), an unknown room is NO_SUCH_ROOM")
    void membersOnly() {
        start(t -> { });
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.SAY, new RoomSayRequest("carol", null, "#dev", "hi", null).toJson());
        f.refused(ChatError.NO_SUCH_ROOM, RoomAddresses.SAY, new RoomSayRequest("carol", null, "#none", "hi", null).toJson());
        assertEquals(List.of(), f.history.log("#dev"));
    }

    @Test
    @DisplayName("a say costs one store step (the member check with the append), in the default room only the append")
    void oneStoreStep() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        f = new RoomFixture(t -> { }, new FakeRoomStore() {
            @Override
            public synchronized io.vertx.core.Future<dev.parley.store.Room> get(String room) {
                reads.incrementAndGet();
                return super.get(room);
            }

            @Override
            public synchronized io.vertx.core.Future<Boolean> isMember(String room, String user) {
                reads.incrementAndGet();
                return super.isMember(room, user);
            }
        });
        f.join("alice", "#dev");
        int readsBefore = reads.get();
        f.say("alice", "#dev", "one");
        f.say("alice", "#lobby", "two");
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.SAY, new RoomSayRequest("carol", null, "#dev", "three", null).toJson());
        assertEquals(2, f.speech.calls(), "#dev's say and the refused one; the default room's is a plain append");
        assertEquals(readsBefore, reads.get(), "no room or membership read beside the step");
        assertEquals(List.of("one"), texts(f.history.log("#dev")));
        assertEquals(List.of("two"), texts(f.history.log("#lobby")));
    }

    @Test
    @DisplayName("a kicked or banned member's next say is refused NOT_IN_ROOM and stored nowhere")
    void removedMembersStopSaying() {
        start(t -> { });
        f.join("carol", "#dev");
        f.say("bob", "#dev", "before");
        f.moderate("alice", "#dev", ModerateRequest.Action.KICK, "bob");
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.SAY, new RoomSayRequest("bob", null, "#dev", "kicked", null).toJson());
        f.moderate("alice", "#dev", ModerateRequest.Action.BAN, "carol");
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.SAY, new RoomSayRequest("carol", null, "#dev", "banned", "c-1").toJson());
        assertEquals(List.of("before"), texts(f.history.log("#dev")));
        f.join("bob", "#dev");
        f.say("bob", "#dev", "back");
        assertEquals(List.of("before", "back"), texts(f.history.log("#dev")), "a member again says again");
    }

    @Test
    @DisplayName("a retry with the same cid gets the first reply and is neither stored nor published again")
    void dedup() {
        start(t -> { });
        List<JsonObject> dev = f.listen(RoomAddresses.events("#dev"));
        JsonObject body = new RoomSayRequest("alice", null, "#dev", "once", "c-1").toJson();
        JsonObject first = f.ask(RoomAddresses.SAY, body);
        f.clock.advance(Duration.ofSeconds(1));
        JsonObject retry = f.ask(RoomAddresses.SAY, body);
        assertEquals(first, retry);
        JsonObject other = f.ask(RoomAddresses.SAY, new RoomSayRequest("alice", null, "#dev", "twice", "c-2").toJson());
        assertFalse(first.getString("id").equals(other.getString("id")));
        Await.until(() -> dev.size() == 2, WAIT, "two messages published");
        assertEquals(List.of("once", "twice"), f.history.log("#dev").stream().map(StoredMessage::text).toList());
        assertEquals(List.of("once", "twice"), dev.stream().map(j -> j.getJsonObject("message").getString("text")).toList());
    }

    @Test
    @DisplayName("history: older messages before a message id, oldest first, capped, with more when older ones exist; members only")
    void historyBefore() {
        start(tree -> tree.getJsonObject("rooms").put("listMax", 3));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) ids.add(f.say("alice", "#dev", "m" + i).getString("id"));

        RoomHistoryReply newest = RoomHistoryReply.fromJson(f.ask(RoomAddresses.HISTORY, new RoomHistoryRequest("bob", "#dev", null, 2).toJson()));
        assertEquals(List.of("m5", "m6"), texts(newest.messages()));
        assertTrue(newest.more());

        RoomHistoryReply older = RoomHistoryReply.fromJson(f.ask(RoomAddresses.HISTORY,
                new RoomHistoryRequest("bob", "#dev", ids.get(4), 100).toJson()));
        assertEquals(List.of("m2", "m3", "m4"), texts(older.messages()), "capped at rooms.listMax");
        assertTrue(older.more());

        RoomHistoryReply oldest = RoomHistoryReply.fromJson(f.ask(RoomAddresses.HISTORY,
                new RoomHistoryRequest("bob", "#dev", ids.get(1), 10).toJson()));
        assertEquals(List.of("m1"), texts(oldest.messages()));
        assertFalse(oldest.more());

        RoomHistoryReply unknown = RoomHistoryReply.fromJson(f.ask(RoomAddresses.HISTORY,
                new RoomHistoryRequest("bob", "#dev", "no-such-id", 10).toJson()));
        assertEquals(List.of(), unknown.messages());
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.HISTORY, new RoomHistoryRequest("carol", "#dev", null, 5).toJson());
    }

    @Test
    @DisplayName("missed: a first visit replays nothing and starts at upTo; then others' messages after the position up to upTo")
    void missed() {
        start(t -> { });
        // Joining sets the read position; a member without one (from before that rule) is on a first visit.
        await(f.reads.forget("bob", "#dev"));
        f.say("alice", "#dev", "before bob's first visit");
        HistoryReply first = missed("bob", 1, 0);
        assertEquals(0, first.messages().size());
        assertEquals(1L, await(f.reads.get("bob", "#dev")));

        f.say("alice", "#dev", "a2");
        f.say("bob", "#dev", "own");
        f.say("alice", "#dev", "a4");
        f.say("alice", "#dev", "live");
        HistoryReply replay = missed("bob", 4, 0);
        assertEquals(List.of("a2", "a4"), texts(replay.messages()), "own messages are not missed; seq 5 arrives live");
        assertEquals(0, replay.skipped());
        f.refused(ChatError.NOT_IN_ROOM, RoomAddresses.MISSED, new MissedRequest("carol", "#dev", 4, 0).toJson());
    }

    @Test
    @DisplayName("missed is bounded by history.replayMax (and the request's max), and by history.maxAgeHours; the rest is counted skipped")
    void missedBounds() {
        start(tree -> tree.getJsonObject("history").put("replayMax", 3).put("maxAgeHours", 1));
        await(f.reads.advance("bob", Map.of("#dev", 0L)));
        f.say("alice", "#dev", "old");
        f.clock.advance(Duration.ofHours(2));
        for (int i = 1; i <= 5; i++) f.say("alice", "#dev", "n" + i);

        HistoryReply capped = missed("bob", 6, 0);
        assertEquals(List.of("n3", "n4", "n5"), texts(capped.messages()));
        assertEquals(3, capped.skipped());

        HistoryReply byRequest = missed("bob", 6, 2);
        assertEquals(List.of("n4", "n5"), texts(byRequest.messages()));
        assertEquals(4, byRequest.skipped());

        f.close();
        start(tree -> tree.getJsonObject("history").put("replayMax", 100).put("maxAgeHours", 1));
        await(f.reads.advance("bob", Map.of("#dev", 0L)));
        f.say("alice", "#dev", "old");
        f.clock.advance(Duration.ofHours(2));
        f.say("alice", "#dev", "new");
        HistoryReply aged = missed("bob", 2, 0);
        assertEquals(List.of("new"), texts(aged.messages()));
        assertEquals(1, aged.skipped(), "too old to replay");
    }

    @Test
    @DisplayName("read positions advance, never back; mine lists the default room first, each room with head and read position")
    void readAndMine() {
        start(t -> { });
        f.join("alice", "#art");
        f.say("alice", "#dev", "d1");
        f.say("alice", "#dev", "d2");
        f.say("alice", "#lobby", "l1");
        f.ask(RoomAddresses.READ, new ReadPositionsRequest("alice", Map.of("#dev", 2L, "#lobby", 1L)).toJson());
        f.ask(RoomAddresses.READ, new ReadPositionsRequest("alice", Map.of("#dev", 1L, "bogus", 5L)).toJson());
        assertEquals(Map.of("#dev", 2L, "#lobby", 1L, "#art", 0L), await(f.reads.all("alice")), "joining #art set its position");

        MyRoomsReply mine = MyRoomsReply.fromJson(f.ask(RoomAddresses.MINE, new MyRoomsRequest("alice").toJson()));
        assertEquals(List.of(new MyRoom("#lobby", "#lobby", 1, 1L), new MyRoom("#art", "#art", 0, 0L), new MyRoom("#dev", "#Dev", 2, 2L)),
                mine.rooms());
        MyRoomsReply stranger = MyRoomsReply.fromJson(f.ask(RoomAddresses.MINE, new MyRoomsRequest("zed").toJson()));
        assertEquals(List.of(new MyRoom("#lobby", "#lobby", 1, null)), stranger.rooms());
        assertNull(await(f.reads.get("zed", "#lobby")));
    }

    @Test
    @DisplayName("a history that fails: UNAVAILABLE, nothing published; the retry with the same cid is stored under the first attempt's id")
    void storeFailure() {
        f = new RoomFixture(t -> { }, new FakeRoomStore(), new FakeRoomHistory() {
            private boolean failed;

            @Override
            public synchronized io.vertx.core.Future<StoredMessage> append(String room, StoredMessage message) {
                if (!failed) {
                    failed = true;
                    return io.vertx.core.Future.failedFuture(new IllegalStateException("disk full"));
                }
                return super.append(room, message);
            }
        });
        f.join("alice", "#dev");
        List<JsonObject> dev = f.listen(RoomAddresses.events("#dev"));
        JsonObject body = new RoomSayRequest("alice", null, "#dev", "again", "c-9").toJson();
        f.refused(ChatError.UNAVAILABLE, RoomAddresses.SAY, body);
        assertEquals(List.of(), f.history.log("#dev"));

        SayReply retried = SayReply.fromJson(f.ask(RoomAddresses.SAY, body));
        assertEquals(List.of(retried.id()), f.history.log("#dev").stream().map(StoredMessage::id).toList());
        Await.until(() -> dev.size() == 1, WAIT, "the retry published");
    }

    private HistoryReply missed(String user, long upTo, int max) {
        return HistoryReply.fromJson(f.ask(RoomAddresses.MISSED, new MissedRequest(user, "#dev", upTo, max).toJson()));
    }

    private static List<String> texts(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::text).toList();
    }
}
