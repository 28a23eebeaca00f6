package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerFrameDecoderTest {

    private static List<Outbound> frames() {
        List<Outbound> all = new ArrayList<>();
        all.add(Reply.ok(Ops.LOGIN, IntNode.valueOf(1), Json.object().put(Fields.USER, "100").put(Fields.NAME, "scott")
                .set(Fields.ONLINE, Json.MAPPER.createArrayNode().add(Json.object().put(Fields.USER, "200").put(Fields.NAME, "bob")))));
        all.add(Reply.ok(Ops.MSG, TextNode.valueOf("r2"), Json.object().put(Fields.ID, "p1").put(Fields.TS, 1_700_000_000_000L).put(Fields.STORED, true)));
        all.add(Reply.ok(Ops.LOGOUT, null, null));
        all.add(Reply.pong(IntNode.valueOf(3)));
        all.add(Reply.pong(null));
        for (ChatError e : ChatError.values()) {
            all.add(Reply.fail(Ops.SAY, TextNode.valueOf("r" + e.busCode), e, null));
        }
        all.add(Reply.fail(Ops.MSG, null, ChatError.NO_SUCH_USER, "no user \"9\"\n"));
        all.add(new MessageEvent(true, "m1", "100", "scott", null, "hi \"all\"\u2028\uD83D\uDE00", 1_700_000_000_000L, false));
        all.add(new MessageEvent(false, "p1", "300", "carol", "100", "while you were out", 5, true));
        all.add(new PresenceEvent("200", "bob", true));
        all.add(new PresenceEvent("200", null, false));
        all.add(PresenceEvent.nodeLost("200", "bob"));
        all.add(PresenceEvent.away("200", "bob", "lunch \"out\""));
        all.add(PresenceEvent.away("200", null, null));
        for (ByeReason r : ByeReason.values()) {
            all.add(new ByeEvent(r));
        }
        all.add(new ByeEvent(ByeReason.KICKED, "spamming"));
        all.add(new NoticeEvent("HISTORY_SKIPPED", "12 older messages were dropped"));
        return all;
    }

    @Test
    @DisplayName("every frame the server encodes decodes to the same values, from a string or a byte range")
    void roundTrip() throws Exception {
        for (Outbound sent : frames()) {
            byte[] line = JsonLineEncoder.encode(sent);
            assertEquals(sent, ServerFrameDecoder.decode(new String(line, 0, line.length - 1, StandardCharsets.UTF_8)));
            byte[] padded = new byte[line.length + 4];
            System.arraycopy(line, 0, padded, 2, line.length);
            assertEquals(sent, ServerFrameDecoder.decode(padded, 2, 2 + line.length - 1));
        }
    }

    @Test
    @DisplayName("garbage, a frame without op, an unknown event, error code or bye reason are decode errors")
    void garbage() {
        for (String bad : List.of("not json", "[1]", "{\"op\":", "{\"ok\":true}", "{\"op\":\"dance\"}",
                "{\"op\":\"say\",\"ok\":false,\"error\":{\"code\":\"NOPE\",\"message\":\"x\"}}",
                "{\"op\":\"bye\",\"reason\":\"BORED\",\"message\":\"x\"}", "{\"op\":\"pong\"} {}")) {
            assertThrows(DecodeException.class, () -> ServerFrameDecoder.decode(bad), bad);
        }
    }
}
