package dev.parley.bench;

import com.fasterxml.jackson.databind.node.LongNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.JsonRequestParser;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.SlashGrammar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's hand-made lines and byte-prefix reading agree with the protocol's own encoders and parser. */
class FastFramesTest {

    private static final String TEXT = Texts.text('F', 1234, 2, 17, 987_654_321L, 64);

    @Test
    @DisplayName("the benchmark's say and msg lines parse as the grammar's requests, with their rid")
    void requests() throws Exception {
        assertSameRequest(SlashGrammar.SAY.request(TEXT), 42, JsonRequestParser.parse(Texts.say(42, TEXT).getBytes()));
        assertSameRequest(SlashGrammar.MSG.request("p-7", TEXT), 9, JsonRequestParser.parse(Texts.msg(9, "p-7", TEXT).getBytes()));
    }

    @Test
    @DisplayName("the rooms scenarios' say-to-a-room, join and part lines parse as the protocol's requests")
    void roomRequests() throws Exception {
        Request say = JsonRequestParser.parse(Texts.say(7, "#bench-3", TEXT).getBytes());
        assertEquals(Ops.SAY, say.op());
        assertEquals(7, say.rid().asLong());
        assertEquals("#bench-3", say.text(Fields.ROOM));
        assertEquals(TEXT, say.text(Fields.TEXT));
        Request join = JsonRequestParser.parse(Texts.join(8, "#bench-3").getBytes());
        assertSameRequest(SlashGrammar.JOIN.request("#bench-3"), 8, join);
        assertEquals("#bench-3", join.text(Fields.ROOM));
        Request part = JsonRequestParser.parse(Texts.part(9, "#bench-3").getBytes());
        assertEquals(Ops.PART, part.op());
        assertEquals(9, part.rid().asLong());
        assertEquals("#bench-3", part.text(Fields.ROOM));
    }

    @Test
    @DisplayName("a failed reply's error code is read from its bytes")
    void errorCode() {
        byte[] failed = JsonLineEncoder.encode(Reply.fail(Ops.JOIN, LongNode.valueOf(3), ChatError.TOO_MANY_ROOMS, "full"));
        assertEquals("TOO_MANY_ROOMS", Frames.errorCode(failed, 0, failed.length - 1));
        byte[] ok = JsonLineEncoder.encode(Reply.ok(Ops.JOIN, LongNode.valueOf(4), null));
        assertEquals("?", Frames.errorCode(ok, 0, ok.length - 1));
    }

    @Test
    @DisplayName("a delivered message, with or without its room, is found by op prefix and marker, and its numbers read back")
    void deliveries() {
        for (String room : new String[]{null, "#lobby", "#bench-room.42"}) {
            byte[] line = JsonLineEncoder.encode(new MessageEvent(true, "m1", "f-2", "f-2", null, TEXT, 1, false, room));
            assertTrue(Frames.isOp(line, 0, line.length - 1, Frames.OP_MESSAGE));
            byte[] marker = Texts.marker('F', 1234);
            int at = Frames.indexOf(line, 0, line.length - 1, marker);
            long[] fields = new long[3];
            assertTrue(Frames.readFields(line, at + marker.length, line.length - 1, fields));
            assertArrayEquals(new long[]{2, 17, 987_654_321L}, fields);
        }
        byte[] presence = JsonLineEncoder.encode(new PresenceEvent("f-2", "f-2", true));
        assertFalse(Frames.isOp(presence, 0, presence.length - 1, Frames.OP_MESSAGE));
    }

    @Test
    @DisplayName("a reply's op, numeric rid and ok flag are read from its first bytes")
    void replies() {
        byte[] prefix = Frames.opPrefix(Ops.SAY);
        byte[] ok = JsonLineEncoder.encode(Reply.ok(Ops.SAY, LongNode.valueOf(31), Json.object().put(Fields.ID, "m9")));
        assertTrue(Frames.isOp(ok, 0, ok.length - 1, prefix));
        assertEquals(31, Texts.rid(ok, 0, ok.length - 1, prefix.length));
        assertTrue(Frames.ok(ok, 0, ok.length - 1));
        byte[] failed = JsonLineEncoder.encode(Reply.fail(Ops.SAY, LongNode.valueOf(32), ChatError.RATE_LIMITED, null));
        assertEquals(32, Texts.rid(failed, 0, failed.length - 1, prefix.length));
        assertFalse(Frames.ok(failed, 0, failed.length - 1));
        byte[] noRid = JsonLineEncoder.encode(Reply.ok(Ops.SAY, null, null));
        assertEquals(-1, Texts.rid(noRid, 0, noRid.length - 1, prefix.length));
    }

    private static void assertSameRequest(Request expected, long rid, Request parsed) {
        assertEquals(expected.op(), parsed.op());
        assertEquals(rid, parsed.rid().asLong());
        for (String field : SlashGrammar.MSG.fields()) {
            assertEquals(expected.text(field), parsed.text(field), field);
        }
        assertEquals(expected.fields().size() + 2, parsed.fields().size(), "op, rid and the grammar's fields, nothing else");
    }
}
