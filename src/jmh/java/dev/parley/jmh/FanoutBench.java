package dev.parley.jmh;

import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.MessageEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One group message to N local connections, the way the gateway does it (encode once, write the same
 * bytes to every channel without flushing, then flush each once: Outbox + FlushBatcher), against
 * the naive write-and-flush per recipient. Netty's EmbeddedChannel stands in for the sockets, so
 * this measures the pipeline and buffer work, not the kernel's write(2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FanoutBench {
    @Param({"10000"})
    public int connections;

    private final MessageEvent message = new MessageEvent(true, "01HZX3Q9V7K2", "alice", "Alice", null,
            "hello everyone, this is a 64-byte chat message for the bench...", 1_767_225_600_000L, false);
    private EmbeddedChannel[] channels;
    private ChannelHandlerContext[] contexts;

    @Setup
    public void setup() {
        channels = new EmbeddedChannel[connections];
        contexts = new ChannelHandlerContext[connections];
        for (int i = 0; i < connections; i++) {
            ChannelInboundHandlerAdapter tail = new ChannelInboundHandlerAdapter();
            channels[i] = new EmbeddedChannel(tail);
            contexts[i] = channels[i].pipeline().context(tail);
        }
    }

    /** What reached the "sockets" is dropped after each invocation, so memory stays flat. */
    @TearDown(Level.Invocation)
    public void drain() {
        for (EmbeddedChannel ch : channels) {
            for (Object o; (o = ch.readOutbound()) != null; ) ((ByteBuf) o).release();
        }
    }

    @TearDown
    public void close() {
        for (EmbeddedChannel ch : channels) ch.finishAndReleaseAll();
    }

    @Benchmark
    public void encodeOnceWriteThenFlushEach() {
        byte[] bytes = JsonLineEncoder.encode(message);
        for (ChannelHandlerContext ctx : contexts) {
            ctx.write(Unpooled.wrappedBuffer(bytes), ctx.voidPromise());
        }
        for (ChannelHandlerContext ctx : contexts) {
            ctx.flush();
        }
    }

    @Benchmark
    public void encodeOnceWriteAndFlushPerRecipient() {
        byte[] bytes = JsonLineEncoder.encode(message);
        for (ChannelHandlerContext ctx : contexts) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes), ctx.voidPromise());
        }
    }

    @Benchmark
    public void encodePerRecipient() {
        for (ChannelHandlerContext ctx : contexts) {
            ctx.write(Unpooled.wrappedBuffer(JsonLineEncoder.encode(message)), ctx.voidPromise());
        }
        for (ChannelHandlerContext ctx : contexts) {
            ctx.flush();
        }
    }
}
