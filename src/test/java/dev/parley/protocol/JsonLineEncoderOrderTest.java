package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field order the benchmark's byte-prefix reading relies on (see JsonLineEncoder). */
class JsonLineEncoderOrderTest {

    private static String line(Outbound out) {
        return new String(JsonLineEncoder.encode(out), StandardCharsets.UTF_8);
    }

    private static void startsWith(String prefix, Outbound out) {
        String line = line(out);
        assertTrue(line.startsWith(prefix), line + " does not start with " + prefix);
    }

    @Test
    @DisplayName("every frame starts with its op; a reply goes on with rid, then ok")
    void opRidOk() {
        startsWith("{\"op\":\"message\",", new MessageEvent(true, "m", "1", "n", null, "t", 1, false));
        startsWith("{\"op\":\"presence\",", new PresenceEvent("1", "n", true));
        startsWith("{\"op\":\"bye\",", new ByeEvent(ByeReason.IDLE));
        startsWith("{\"op\":\"notice\",", new NoticeEvent("c", "m"));
        startsWith("{\"op\":\"message\",\"kind\":\"group\",\"room\":\"#dev\",\"id\":", new MessageEvent(true, "m", "1", "n", null, "t", 1, false, "#dev"));
        startsWith("{\"op\":\"joined\",\"room\":", new RoomNotice(Ops.JOINED, "#dev", "1", "n", null, null, 0));
        startsWith("{\"op\":\"topic\",\"room\":", new RoomNotice(Ops.TOPIC, "#dev", null, null, "1", "t", 1));
        startsWith("{\"op\":\"say\",\"rid\":42,\"ok\":true,", Reply.ok(Ops.SAY, IntNode.valueOf(42), Json.object().put(Fields.ID, "m")));
        startsWith("{\"op\":\"msg\",\"rid\":7,\"ok\":false,", Reply.fail(Ops.MSG, IntNode.valueOf(7), ChatError.NO_SUCH_USER, null));
        startsWith("{\"op\":\"login\",\"rid\":\"r1\",\"ok\":true", Reply.ok(Ops.LOGIN, TextNode.valueOf("r1"), null));
        startsWith("{\"op\":\"who\",\"ok\":true", Reply.ok(Ops.WHO, null, null));
        startsWith("{\"op\":\"pong\",\"rid\":3}", Reply.pong(IntNode.valueOf(3)));
    }
}
