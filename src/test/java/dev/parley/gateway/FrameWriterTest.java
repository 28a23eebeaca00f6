package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.TextLineEncoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameWriterTest {

    /** A wire that keeps what it was given, as text, and can be told the reader stopped reading. */
    private static final class FakeWire implements Wire {
        final List<String> log = new ArrayList<>();
        boolean full;

        @Override
        public boolean write(byte[] bytes) {
            log.add(new String(bytes, StandardCharsets.UTF_8));
            return !full;
        }

        @Override
        public void afterWrites(Runnable action) {
            log.add("after");
            action.run();
        }

        @Override
        public void writeAndClose(byte[] last) {
            log.add(last == null ? "close" : "close " + new String(last, StandardCharsets.UTF_8));
        }

        @Override
        public void abort(byte[] last) {
            log.add("abort " + new String(last, StandardCharsets.UTF_8));
        }

        @Override
        public long backlogBytes() {
            return 0;
        }

        @Override
        public long memoryBytes() {
            return 0;
        }
    }

    private final FakeWire wire = new FakeWire();
    private final List<ByeReason> dropped = new ArrayList<>();
    private int writes;
    private Protocol decided;
    private final FrameWriter writer = new FrameWriter(wire, new Encoders(), new FrameWriter.Owner() {
        @Override
        public Protocol protocol() {
            return decided;
        }

        @Override
        public void dropped(ByeReason reason) {
            FrameWriterTest.this.dropped.add(reason);
        }

        @Override
        public void wrote() {
            writes++;
        }
    });

    @Test
    @DisplayName("before the client speaks, refusals are JSON; once it spoke, its protocol; the welcome is text")
    void protocolChoice() {
        assertEquals(Protocol.JSON, writer.protocol());
        decided = Protocol.TEXT;
        assertEquals(Protocol.TEXT, writer.protocol(), "the first byte decides");
        writer.greet();
        assertEquals(List.of(TextLineEncoder.GREETING), wire.log);
    }

    @Test
    @DisplayName("a connection that never spoke chose no protocol: its goodbye closes it without a word")
    void silentGoodbye() {
        writer.bye(ByeReason.IDLE, null);
        assertEquals(List.of("close"), wire.log, "no JSON (nor text) line to a client that may speak neither");
        assertEquals(List.of(ByeReason.IDLE), dropped);
        decided = Protocol.JSON;
        writer.bye(ByeReason.IDLE, null);
        assertEquals(1, wire.log.size(), "closed once");
    }

    @Test
    @DisplayName("a client that spoke gets its goodbye in its protocol")
    void spokenGoodbye() {
        decided = Protocol.TEXT;
        writer.bye(ByeReason.IDLE, null);
        assertEquals(1, wire.log.size());
        assertTrue(wire.log.get(0).startsWith("close * "), wire.log.toString());
    }

    @Test
    @DisplayName("each accepted write is reported (the node checks its budget); a refused one drops the reader once")
    void slowConsumer() {
        decided = Protocol.JSON;
        writer.write(new NoticeEvent("X", "one"));
        assertEquals(1, writes);
        wire.full = true;
        writer.write(new NoticeEvent("X", "two"));
        assertEquals(List.of(ByeReason.SLOW_CONSUMER), dropped);
        assertTrue(writer.closed());
        assertTrue(wire.log.get(2).startsWith("abort ") && wire.log.get(2).contains("SLOW_CONSUMER"), wire.log.toString());
        writer.write(new NoticeEvent("X", "three"));
        writer.bye(ByeReason.IDLE, null);
        writer.afterWrites(() -> wire.log.add("ran"));
        assertEquals(3, wire.log.size(), "nothing after closing: " + wire.log);
        assertEquals(1, writes);
    }

    @Test
    @DisplayName("bye says why in the connection's protocol, is counted once, and closes after the goodbye")
    void bye() {
        decided = Protocol.TEXT;
        writer.bye(ByeReason.IDLE, "no request for 10 s");
        writer.bye(ByeReason.SHUTDOWN, null);
        assertEquals(List.of(ByeReason.IDLE), dropped);
        assertEquals(1, wire.log.size());
        assertTrue(wire.log.get(0).startsWith("close ") && wire.log.get(0).contains("no request for 10 s"), wire.log.toString());
    }

    @Test
    @DisplayName("closing with a last reply is no drop: not counted as a goodbye")
    void closeWith() {
        decided = Protocol.JSON;
        writer.closeWith(Reply.ok("logout", null, null));
        assertTrue(dropped.isEmpty());
        assertTrue(writer.closed());
        assertTrue(wire.log.get(0).startsWith("close {") && wire.log.get(0).contains("logout"), wire.log.toString());
    }
}
