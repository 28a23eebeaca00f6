package dev.parley.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How rooms read in the console and in batch output. */
class RoomLinesTest {
    private static final long T = 14 * 3600_000L + 2 * 60_000L;
    private final ConsoleFormatter console = new ConsoleFormatter(Clock.fixed(Instant.ofEpochMilli(T), ZoneOffset.UTC), () -> "100");
    private final BatchFormatter batch = new BatchFormatter();

    private String shown(JsonObject frame) {
        return console.event(frame).orElseThrow().toString();
    }

    private String replied(JsonObject request, JsonObject reply) {
        return console.reply(request, reply.put("ok", true)).orElseThrow().toString();
    }

    private String batchEvent(JsonObject frame) {
        return batch.event(frame).orElseThrow().toString();
    }

    private String batchReply(JsonObject request, JsonObject reply) {
        return batch.reply(request, reply.put("ok", true)).orElseThrow().toString();
    }

    private static JsonObject message(String room) {
        JsonObject m = new JsonObject().put("op", "message").put("kind", "group").put("id", "m1").put("from", "200")
                .put("name", "bob").put("text", "hi").put("ts", T);
        return room == null ? m : m.put("room", room);
    }

    private static JsonObject event(String op) {
        return new JsonObject().put("op", op).put("room", "#dev");
    }

    @Test
    @DisplayName("every room message shows its room; one without a room (an older server) reads as before")
    void messages() {
        assertEquals("14:02 #dev bob: hi", shown(message("#dev")));
        assertEquals("14:02 #lobby bob: hi", shown(message("#lobby")));
        assertEquals("14:02 bob: hi", shown(message(null)));
        assertEquals("14:02 #de\uFFFD[2J bob: hi", shown(message("#de\u001b[2J")), "a room name cannot reach the terminal raw");
        assertEquals("message group 200 bob #dev: hi", batchEvent(message("#dev")));
        assertEquals("message group 200 bob: hi", batchEvent(message(null)));
    }

    @Test
    @DisplayName("room events read as sentences; what happens to me says you")
    void events() {
        assertEquals("* bob joined #dev", shown(event("joined").put("user", "200").put("name", "bob")));
        assertEquals("* bob left #dev (lunch)", shown(event("parted").put("user", "200").put("name", "bob").put("reason", "lunch")));
        assertEquals("* 200 left #dev", shown(event("parted").put("user", "200")));
        assertEquals("* you were kicked from #dev by 300 (spam)",
                shown(event("kicked").put("user", "100").put("by", "300").put("reason", "spam")));
        assertEquals("* bob was kicked from #dev by 100", shown(event("kicked").put("user", "200").put("name", "bob").put("by", "100")));
        assertEquals("* 300 set the topic of #dev: tea", shown(event("topic").put("by", "300").put("text", "tea").put("ts", T)));
        assertEquals("* 300 cleared the topic of #dev", shown(event("topic").put("by", "300").put("text", "").put("ts", T)));
        assertEquals("* 300 invited you to #dev; /join #dev to enter", shown(event("invited").put("by", "300")));

        assertEquals("joined #dev 200 bob", batchEvent(event("joined").put("user", "200").put("name", "bob")));
        assertEquals("parted #dev 200 -: lunch\\n", batchEvent(event("parted").put("user", "200").put("reason", "lunch\n")));
        assertEquals("kicked #dev 200 100: -", batchEvent(event("kicked").put("user", "200").put("by", "100").put("reason", "-")));
        assertEquals("topic #dev 300: tea time", batchEvent(event("topic").put("by", "300").put("text", "tea time")));
        assertEquals("invited #dev 300", batchEvent(event("invited").put("by", "300")));

        assertEquals("* 300 made 200 an operator of #dev", shown(event("mode").put("user", "200").put("by", "300").put("mode", "+o").put("ts", T)));
        assertEquals("* 300 opened #dev to everyone", shown(event("mode").put("by", "300").put("mode", "-i").put("ts", T)));
        assertEquals("mode #dev 300 -b 200", batchEvent(event("mode").put("user", "200").put("by", "300").put("mode", "-b")));
        assertEquals("mode #dev 300 +i", batchEvent(event("mode").put("by", "300").put("mode", "+i")));
    }

    @Test
    @DisplayName("replies to room commands")
    void replies() {
        JsonObject room = new JsonObject().put("name", "#dev").put("display", "#Dev").put("topic", "tea").put("members", 3).put("online", 2);
        assertEquals("* you joined #Dev (3 members, 2 online); plain text now goes there; topic: tea",
                replied(Frames.join("#dev"), new JsonObject().put("room", room).put("created", false)));
        assertEquals("ok join #Dev joined", batchReply(Frames.join("#dev"), new JsonObject().put("room", room).put("created", false)));
        assertEquals("* plain text now goes to #Dev", replied(Frames.room("#dev"), new JsonObject().put("room", "#Dev")));
        assertEquals("* you left #dev", replied(new JsonObject().put("op", "part"), new JsonObject().put("room", "#dev")));
        assertEquals("ok part #dev", batchReply(new JsonObject().put("op", "part"), new JsonObject().put("room", "#dev")));
        assertEquals("* kick 200 in #dev: done", replied(new JsonObject().put("op", "kick").put("room", "#dev").put("user", "200"),
                new JsonObject().put("room", "#dev")));
        assertEquals("ok ban #dev 200", batchReply(new JsonObject().put("op", "ban").put("room", "#dev").put("user", "200"),
                new JsonObject().put("room", "#dev")));
        assertEquals("ok topic #dev 300: tea", batchReply(new JsonObject().put("op", "topic").put("room", "#dev"),
                new JsonObject().put("room", "#dev").put("topic", "tea").put("by", "300").put("ts", T)));
        assertEquals("* #dev has no topic", replied(new JsonObject().put("op", "topic"), new JsonObject().put("room", "#dev")));
    }

    @Test
    @DisplayName("listings: rooms one per line, members on one line with @operators, history as message lines")
    void listings() {
        JsonArray rooms = new JsonArray()
                .add(new JsonObject().put("name", "#dev").put("display", "#Dev").put("topic", "tea").put("members", 3).put("online", 2))
                .add(new JsonObject().put("name", "#x").put("display", "#x").put("topic", "").put("members", 1).put("online", 0));
        JsonObject list = new JsonObject().put("rooms", rooms).put("total", 5).put("next", "#x");
        assertEquals("* 2 of 5 rooms:\n  #Dev  3 members, 2 online  tea\n  #x  1 members, 0 online\n* more: /rooms #x",
                replied(Frames.rooms(), list.copy()));
        assertEquals("ok rooms 5 #Dev:3:2 #x:1:0 next=#x", batchReply(Frames.rooms(), list.copy()));

        JsonArray members = new JsonArray()
                .add(new JsonObject().put("user", "100").put("name", "scott").put("online", true).put("op", true))
                .add(new JsonObject().put("user", "300").put("name", "300").put("online", false).put("op", false));
        JsonObject who = new JsonObject().put("room", "#dev").put("members", members).put("count", 4);
        assertEquals("* 4 members of #dev: @scott (100), 300 (offline), ...", replied(new JsonObject().put("op", "members"), who.copy()));
        assertEquals("ok members #dev 4 100:scott:online:op 300:300:offline", batchReply(new JsonObject().put("op", "members"), who.copy()));

        JsonObject history = new JsonObject().put("room", "#dev").put("more", true).put("messages", new JsonArray().add(message("#dev")));
        assertEquals("* history of #dev, oldest first:\n14:02 #dev bob: hi\n* older messages exist: /history #dev <n> shows the last n",
                replied(new JsonObject().put("op", "history"), history.copy()));
        assertEquals("ok history #dev 1 more\nhistory m1 group 200 bob #dev: hi",
                batchReply(new JsonObject().put("op", "history"), history.copy()));
    }
}
