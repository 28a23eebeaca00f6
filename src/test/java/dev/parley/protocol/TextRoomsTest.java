package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The text protocol's room lines: what a person on telnet reads. */
class TextRoomsTest {
    private static final long T = 14 * 3600_000L + 2 * 60_000L; // 1970-01-01 14:02 UTC
    private final TextLineEncoder text = new TextLineEncoder(ZoneOffset.UTC, "#Lobby");

    private String show(Outbound out) {
        byte[] b = text.encode(out);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static Request parse(String line) throws DecodeException {
        return TextRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the default room's lines look as before rooms; other rooms' lines name the room")
    void messageLines() {
        assertEquals("[14:02] bob (200): hi\r\n", show(new MessageEvent(true, "m", "200", "bob", null, "hi", T, false, "#lobby")));
        assertEquals("[14:02] bob (200): hi\r\n", show(new MessageEvent(true, "m", "200", "bob", null, "hi", T, false, null)));
        assertEquals("[14:02] #dev bob (200): hi\r\n", show(new MessageEvent(true, "m", "200", "bob", null, "hi", T, false, "#dev")));
        assertEquals("[offline 1970-01-01 14:02] #dev bob (200): hi\r\n",
                show(new MessageEvent(true, "m", "200", "bob", null, "hi", T, true, "#dev")));
        assertEquals("[14:02] #lobby bob (200): hi",
                new TextLineEncoder(ZoneOffset.UTC).render(new MessageEvent(true, "m", "200", "bob", null, "hi", T, false, "#lobby")),
                "without a default room, every named room is shown");
    }

    @Test
    @DisplayName("room events read as sentences")
    void events() {
        assertEquals("[14:02] * bob (200) joined #dev\r\n", show(new RoomNotice(Ops.JOINED, "#dev", "200", "bob", null, null, T)));
        assertEquals("[14:02] * bob (200) left #dev (lunch)\r\n", show(new RoomNotice(Ops.PARTED, "#dev", "200", "bob", null, "lunch", T)));
        assertEquals("[14:02] * bob (200) was kicked from #dev by alice (spam)\r\n",
                show(new RoomNotice(Ops.KICKED, "#dev", "200", "bob", "alice", "spam", T)));
        assertEquals("[14:02] * alice set the topic of #dev: release day\r\n",
                show(new RoomNotice(Ops.TOPIC, "#dev", null, null, "alice", "release day", T)));
        assertEquals("[14:02] * alice cleared the topic of #dev\r\n", show(new RoomNotice(Ops.TOPIC, "#dev", null, null, "alice", "", T)));
        assertEquals("[14:02] * alice invited you to #dev; /join #dev to enter\r\n",
                show(new RoomNotice(Ops.INVITED, "#dev", null, null, "alice", null, T)));
        assertEquals("[14:02] * alice set the topic of #dev: a\uFFFD\uFFFD* fake\r\n",
                show(new RoomNotice(Ops.TOPIC, "#dev", null, null, "alice", "a\r\n* fake", T)), "a topic cannot add a line");
    }

    @Test
    @DisplayName("replies to room commands read as sentences; a say ack still shows nothing")
    void replies() {
        ObjectNode room = Json.object().put(Fields.NAME, "#dev").put(Fields.DISPLAY, "#Dev").put(Fields.TOPIC, "tea")
                .put(Fields.MEMBERS, 3).put(Fields.ONLINE, 2);
        ObjectNode joined = Json.object().put(Fields.CREATED, false);
        joined.set(Fields.ROOM, room);
        assertEquals("* you joined #Dev (3 members, 2 online); plain text now goes to #Dev; topic: tea\r\n",
                show(Reply.ok(Ops.JOIN, null, joined)));
        joined.put(Fields.CREATED, true);
        room.put(Fields.TOPIC, "");
        assertEquals("* you created #Dev and are its operator; plain text now goes to #Dev\r\n", show(Reply.ok(Ops.JOIN, null, joined)));
        assertEquals("* you left #dev\r\n", show(Reply.ok(Ops.PART, null, Json.object().put(Fields.ROOM, "#dev"))));
        assertEquals("* current room: #dev (plain text goes there)\r\n", show(Reply.ok(Ops.ROOM, null, Json.object().put(Fields.ROOM, "#dev"))));
        assertNull(show(Reply.ok(Ops.SAY, null, Json.object().put(Fields.ID, "m").put(Fields.ROOM, "#dev"))));
        assertEquals("* topic of #dev: tea (set by alice, 1970-01-01 14:02)\r\n", show(Reply.ok(Ops.TOPIC, null,
                Json.object().put(Fields.ROOM, "#dev").put(Fields.TOPIC, "tea").put(Fields.BY, "alice").put(Fields.TS, T))));
        assertEquals("* #dev has no topic\r\n", show(Reply.ok(Ops.TOPIC, null, Json.object().put(Fields.ROOM, "#dev"))));
        assertEquals("* 200 was kicked from #dev\r\n",
                show(Reply.ok(Ops.KICK, null, Json.object().put(Fields.ROOM, "#dev").put(Fields.USER, "200"))));
        assertEquals("* ban done in #dev\r\n", show(Reply.ok(Ops.BAN, null, Json.object().put(Fields.ROOM, "#dev"))));
        assertEquals("* mode of #dev changed\r\n", show(Reply.ok(Ops.MODE, null, Json.object().put(Fields.ROOM, "#dev"))));
        assertEquals("! NOT_ROOM_OPERATOR: only the room's operators may do that\r\n",
                show(Reply.fail(Ops.KICK, null, ChatError.NOT_ROOM_OPERATOR, null)));
    }

    @Test
    @DisplayName("members is one line like /who: operators marked @, offline members marked, a capped list ends with ...")
    void members() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        list.add(Json.object().put(Fields.USER, "100").put(Fields.NAME, "alice").put(Fields.ONLINE, true).put(Fields.IS_OP, true));
        list.add(Json.object().put(Fields.USER, "300").put(Fields.NAME, "300").put(Fields.ONLINE, false).put(Fields.IS_OP, false));
        ObjectNode f = Json.object().put(Fields.ROOM, "#dev");
        f.set(Fields.MEMBERS, list);
        f.put(Fields.COUNT, 5).put(Fields.NEXT, "300");
        assertEquals("* 5 members of #dev: @alice (100), 300 (offline), ...\r\n", show(Reply.ok(Ops.MEMBERS, null, f)));
    }

    @Test
    @DisplayName("rooms and history are listings: one safe line per room or message")
    void listings() {
        ArrayNode rooms = Json.MAPPER.createArrayNode();
        rooms.add(Json.object().put(Fields.NAME, "#dev").put(Fields.DISPLAY, "#Dev").put(Fields.TOPIC, "tea\r\n* evil")
                .put(Fields.MEMBERS, 3).put(Fields.ONLINE, 2));
        rooms.add(Json.object().put(Fields.NAME, "#lobby").put(Fields.DISPLAY, "#lobby").put(Fields.MEMBERS, 9).put(Fields.ONLINE, 4));
        ObjectNode f = Json.object();
        f.set(Fields.ROOMS, rooms);
        f.put(Fields.TOTAL, 7).put(Fields.NEXT, "#lobby");
        assertEquals("* 2 of 7 rooms:\r\n*   #Dev: 3 members, 2 online: tea\uFFFD\uFFFD* evil\r\n*   #lobby: 9 members, 4 online\r\n"
                + "* more: /rooms #lobby\r\n", show(Reply.ok(Ops.ROOMS, null, f)));

        ArrayNode messages = Json.MAPPER.createArrayNode();
        messages.add(MessageJson.node(new MessageEvent(true, "m1", "200", "bob", null, "one\nfake", T, false, "#dev")));
        messages.add(MessageJson.node(new MessageEvent(true, "m2", "100", "100", null, "two", T, false, "#dev")));
        ObjectNode h = Json.object().put(Fields.ROOM, "#dev").put(Fields.MORE, true);
        h.set(Fields.MESSAGES, messages);
        assertEquals("* history of #dev, oldest first:\r\n[1970-01-01 14:02] bob (200): one\uFFFDfake\r\n[1970-01-01 14:02] 100: two\r\n"
                + "* older messages exist: /history #dev <n> shows the last n\r\n", show(Reply.ok(Ops.HISTORY, null, h)));
        assertEquals("* no messages in #dev\r\n", show(Reply.ok(Ops.HISTORY, null, Json.object().put(Fields.ROOM, "#dev"))));
    }

    @Test
    @DisplayName("room commands: a left-out #room is left out of the request, for the server's current room")
    void commands() throws Exception {
        assertEquals(Json.object().put(Fields.ROOM, "#dev"), parse("/join #dev").fields());
        assertEquals(Ops.JOIN, parse("/join #dev").op());
        assertEquals(Json.object(), parse("/part").fields());
        assertEquals(Json.object().put(Fields.REASON, "gone fishing"), parse("/part gone fishing").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.REASON, "gone  fishing"), parse("/part #dev gone  fishing").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev"), parse("/room #dev").fields());
        assertEquals(Ops.ROOM, parse("/room").op());
        assertEquals(Json.object(), parse("/rooms").fields());
        assertEquals(Json.object().put(Fields.AFTER, "#m"), parse("/rooms #m").fields());
        assertEquals(Json.object(), parse("/members").fields());
        assertEquals(Json.object().put(Fields.ROOM, "dev"), parse("/members dev").fields(), "a lone word is the room (INVALID_ROOM)");
        assertEquals(Json.object().put(Fields.TEXT, "release day"), parse("/topic release day").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.TEXT, "#1 release"), parse("/topic #dev #1 release").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev"), parse("/topic #dev").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.USER, "200").put(Fields.REASON, "spam, again"),
                parse("/kick #dev 200 spam, again").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.USER, "200"), parse("/ban #dev 200").fields());
        assertEquals(Ops.UNBAN, parse("/unban #dev 200").op());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.USER, "200"), parse("/invite #dev 200").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.LIMIT, 50), parse("/history #dev 50").fields());
        assertEquals(Json.object().put(Fields.LIMIT, 20), parse("/history 20").fields());
        assertEquals(Json.object().put(Fields.LIMIT, "lots"), parse("/history lots").fields(), "not a number: the server refuses it");
        assertEquals(Json.object(), parse("/history").fields());
        assertEquals(Ops.SAY, parse("hello #dev").op());
        assertEquals(Json.object().put(Fields.TEXT, "hello #dev"), parse("hello #dev").fields(), "plain text names no room");
    }

    @Test
    @DisplayName("/mode flags become inviteOnly, grantOp or revokeOp; an unknown flag names no change")
    void mode() throws Exception {
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.INVITE_ONLY, true), parse("/mode #dev +i").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.INVITE_ONLY, false), parse("/mode #dev -i").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.GRANT_OP, "200"), parse("/mode #dev +o 200").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev").put(Fields.REVOKE_OP, "200"), parse("/mode #dev -o 200").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev"), parse("/mode #dev +x 200").fields());
        assertEquals(Json.object().put(Fields.ROOM, "#dev"), parse("/mode #dev +o").fields(), "+o without a user");
    }
}
