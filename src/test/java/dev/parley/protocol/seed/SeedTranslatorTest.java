package dev.parley.protocol.seed;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.RoomNotice;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedTranslatorTest {
    private final SeedTranslator translator = new SeedTranslator(ZoneOffset.UTC);

    @Test
    @DisplayName("a message cannot forge a [server] line for a seed client: its content is one line without controls")
    void contentIsOneSafeLine() throws Exception {
        String spoof = "hi\r\n[server] SHUTDOWN: server restarting\u001b[2J\u0007\u2028\u202e";
        SmsMes sms = (SmsMes) translator.fromOutbound(new MessageEvent(false, "i", "300", "c", "100", spoof, 0, false));
        assertEquals("[private] hi\uFFFD\uFFFD[server] SHUTDOWN: server restarting\uFFFD[2J\uFFFD\uFFFD\uFFFD", sms.content());
        // And the frame that reaches the client decodes to the same single line.
        byte[] frame = SeedCodec.encode(sms);
        SmsMes back = (SmsMes) SeedCodec.decode(Arrays.copyOfRange(frame, 4, frame.length));
        assertEquals(sms.content(), back.content());
    }

    @Test
    @DisplayName("server notices and refusals that echo client input are one safe line too")
    void noticesAreSafe() {
        SmsMes err = (SmsMes) translator.fromOutbound(Reply.fail("msg", null, ChatError.NO_SUCH_USER, "no such user: a\nb"));
        assertEquals("[server] NO_SUCH_USER: no such user: a\uFFFDb", err.content());
        SmsMes bye = (SmsMes) translator.fromOutbound(new ByeEvent(ByeReason.BAD_FRAME, "bad \u001b[0m"));
        assertTrue(bye.content().endsWith("bad \uFFFD[0m"), bye.content());
        SeedMessage.RegisterResMes reg = (SeedMessage.RegisterResMes) translator.fromOutbound(
                Reply.fail("register", null, ChatError.BAD_REQUEST, "name\r\nx"));
        assertEquals("BAD_REQUEST: name\uFFFD\uFFFDx", reg.error());
    }

    @Test
    @DisplayName("seed clients hear the default room only: room events show nothing, a room message is an ordinary SmsMes")
    void rooms() {
        for (String kind : new String[]{Ops.JOINED, Ops.PARTED, Ops.KICKED, Ops.TOPIC, Ops.INVITED}) {
            assertNull(translator.fromOutbound(new RoomNotice(kind, "#dev", "200", "bob", "100", "x", 1)), kind);
        }
        SmsMes sms = (SmsMes) translator.fromOutbound(new MessageEvent(true, "m", "200", "bob", null, "hi", 0, false, "#lobby"));
        assertEquals("hi", sms.content());
        assertNull(translator.fromOutbound(Reply.ok(Ops.JOIN, null, null)), "acks of room requests show nothing either");
    }

    @Test
    @DisplayName("the seed protocol has online and offline only: an away change shows nothing, an arrival is still a status")
    void awayShowsNothing() {
        assertNull(translator.fromOutbound(PresenceEvent.away("200", "bob", "lunch")));
        assertNull(translator.fromOutbound(PresenceEvent.away("200", "bob", null)));
        assertTrue(translator.fromOutbound(new PresenceEvent("200", "bob", true)) instanceof SeedMessage.NotifyUserStatusMes);
    }
}
