package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rooms on JSON lines: message events name their room, room events have the documented shape and decode back. */
class RoomFramesTest {

    private static String line(Outbound out) {
        byte[] b = JsonLineEncoder.encode(out);
        return new String(b, 0, b.length - 1, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a room message carries room right after kind; a private message has none")
    void messageWithRoom() {
        assertEquals("{\"op\":\"message\",\"kind\":\"group\",\"room\":\"#Dev\",\"id\":\"m1\",\"from\":\"200\",\"name\":\"bob\","
                        + "\"text\":\"hi\",\"ts\":5}",
                line(new MessageEvent(true, "m1", "200", "bob", null, "hi", 5, false, "#Dev")));
        assertFalse(line(new MessageEvent(false, "p1", "200", "bob", "100", "hi", 5, false)).contains("room"));
    }

    @Test
    @DisplayName("room events carry only their own fields; the topic event has text and ts but no ok")
    void roomEvents() {
        assertEquals("{\"op\":\"joined\",\"room\":\"#dev\",\"user\":\"200\",\"name\":\"bob\"}",
                line(new RoomNotice(Ops.JOINED, "#dev", "200", "bob", null, null, 0)));
        assertEquals("{\"op\":\"parted\",\"room\":\"#dev\",\"user\":\"200\",\"name\":\"bob\",\"reason\":\"bye\"}",
                line(new RoomNotice(Ops.PARTED, "#dev", "200", "bob", null, "bye", 0)));
        assertEquals("{\"op\":\"kicked\",\"room\":\"#dev\",\"user\":\"200\",\"by\":\"100\",\"reason\":\"spam\"}",
                line(new RoomNotice(Ops.KICKED, "#dev", "200", null, "100", "spam", 0)));
        assertEquals("{\"op\":\"topic\",\"room\":\"#dev\",\"by\":\"100\",\"text\":\"release day\",\"ts\":7}",
                line(new RoomNotice(Ops.TOPIC, "#dev", null, null, "100", "release day", 7)));
        assertEquals("{\"op\":\"topic\",\"room\":\"#dev\",\"by\":\"100\",\"text\":\"\",\"ts\":7}",
                line(new RoomNotice(Ops.TOPIC, "#dev", null, null, "100", null, 7)), "a cleared topic is empty text");
        assertEquals("{\"op\":\"invited\",\"room\":\"#dev\",\"by\":\"100\"}",
                line(new RoomNotice(Ops.INVITED, "#dev", null, null, "100", null, 0)));
        assertEquals("{\"op\":\"mode\",\"room\":\"#dev\",\"user\":\"200\",\"by\":\"100\",\"mode\":\"+o\",\"ts\":7}",
                line(new RoomNotice(Ops.MODE, "#dev", "200", null, "100", "+o", 7)));
        assertEquals("{\"op\":\"mode\",\"room\":\"#dev\",\"by\":\"100\",\"mode\":\"-i\",\"ts\":7}",
                line(new RoomNotice(Ops.MODE, "#dev", null, null, "100", "-i", 7)));
    }

    @Test
    @DisplayName("mode is a reply op and an event op like topic; the event decodes back and reads as a sentence in text")
    void modeEvents() throws Exception {
        RoomNotice op = new RoomNotice(Ops.MODE, "#dev", "200", null, "100", "+b", 7);
        assertEquals(op, ServerFrameDecoder.decode(line(op)));
        assertInstanceOf(Reply.class, ServerFrameDecoder.decode("{\"op\":\"mode\",\"ok\":true,\"room\":\"#dev\"}"));
        assertTrue(Ops.isEvent(Ops.MODE, false));
        assertFalse(Ops.isEvent(Ops.MODE, true));
        assertEquals("100 banned 200 from #dev", ModeChangeWords.describe("100", "+b", "200", "#dev"));
        assertEquals("100 made #dev invite-only", ModeChangeWords.describe("100", "+i", null, "#dev"));
        String text = new String(new TextLineEncoder(java.time.ZoneOffset.UTC).encode(op), StandardCharsets.UTF_8);
        assertEquals("[00:00] * 100 banned 200 from #dev\r\n", text);
    }

    @Test
    @DisplayName("every room frame decodes to what was encoded; a topic reply stays a reply, a topic event an event")
    void roundTrip() throws Exception {
        List<Outbound> frames = List.of(
                new MessageEvent(true, "m1", "200", "bob", null, "hi", 5, false, "#Dev"),
                new MessageEvent(true, "m2", "200", "bob", null, "earlier", 5, true, "#lobby"),
                new RoomNotice(Ops.JOINED, "#dev", "200", "bob", null, null, 0),
                new RoomNotice(Ops.PARTED, "#dev", "200", null, null, null, 0),
                new RoomNotice(Ops.KICKED, "#dev", "200", "bob", "100", "spam \"again\"\n", 0),
                new RoomNotice(Ops.TOPIC, "#dev", null, null, "100", "release day", 1_700_000_000_000L),
                new RoomNotice(Ops.INVITED, "#dev", null, null, "100", null, 0),
                Reply.ok(Ops.TOPIC, IntNode.valueOf(4), Json.object().put(Fields.ROOM, "#dev").put(Fields.TOPIC, "t")
                        .put(Fields.BY, "100").put(Fields.TS, 9)),
                Reply.fail(Ops.JOIN, null, ChatError.BANNED, null));
        for (Outbound sent : frames) {
            assertEquals(sent, ServerFrameDecoder.decode(line(sent)), line(sent));
        }
        assertInstanceOf(Reply.class, ServerFrameDecoder.decode("{\"op\":\"topic\",\"ok\":true,\"room\":\"#dev\",\"topic\":\"t\"}"));
        assertInstanceOf(RoomNotice.class, ServerFrameDecoder.decode("{\"op\":\"topic\",\"room\":\"#dev\",\"text\":\"t\",\"ts\":1}"));
        assertThrows(DecodeException.class, () -> ServerFrameDecoder.decode("{\"op\":\"joined\",\"user\":\"200\"}"),
                "a room event without its room");
    }

    @Test
    @DisplayName("topic is a reply op and an event op: the ok flag tells them apart")
    void topicIsBoth() {
        assertTrue(Ops.isEvent(Ops.TOPIC, false));
        assertFalse(Ops.isEvent(Ops.TOPIC, true));
        assertFalse(Ops.isEvent(Ops.JOIN, false));
        assertTrue(Ops.isEvent(Ops.JOINED, false));
        assertFalse(Ops.isEvent(Ops.PONG, false));
    }

    @Test
    @DisplayName("a history reply's messages are the message events' objects, field for field")
    void historyMessagesAreEvents() throws Exception {
        MessageEvent m = new MessageEvent(true, "m1", "200", "bob", null, "hi", 5, false, "#dev");
        assertEquals(line(m), MessageJson.node(m).toString());
        assertEquals(m, MessageJson.event(Json.MAPPER.readTree(line(m))));
        MessageEvent p = new MessageEvent(false, "p1", "200", "bob", "100", "hi", 5, true);
        assertEquals(line(p), MessageJson.node(p).toString());
    }

    @Test
    @DisplayName("HISTORY_TRUNCATED names the room; without one it reads as before rooms")
    void historyTruncated() {
        assertEquals(new NoticeEvent("HISTORY_TRUNCATED", "12 older message(s) of #Dev were missed and are not shown"),
                NoticeEvent.historyTruncated("#Dev", 12));
        assertEquals("12 older group message(s) were missed and are not shown", NoticeEvent.historyTruncated(null, 12).message());
    }
}
