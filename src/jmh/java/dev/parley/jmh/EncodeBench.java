package dev.parley.jmh;

import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.TextLineEncoder;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/** Encoding one outbound event, once per protocol (the gateway encodes each event once per protocol). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBench {
    private final MessageEvent message = new MessageEvent(true, "01HZX3Q9V7K2", "alice", "Alice", null,
            "hello everyone, this is a 64-byte chat message for the bench...", 1_767_225_600_000L, false);
    private final PresenceEvent presence = new PresenceEvent("alice", "Alice", true);
    private final TextLineEncoder text = new TextLineEncoder(ZoneId.of("UTC"));
    private final SeedMessage seed = SeedMessage.SmsMes.group(message.text(), 100);

    @Benchmark
    public byte[] jsonMessage() {
        return JsonLineEncoder.encode(message);
    }

    @Benchmark
    public byte[] jsonPresence() {
        return JsonLineEncoder.encode(presence);
    }

    @Benchmark
    public byte[] textMessage() {
        return text.encode(message);
    }

    @Benchmark
    public byte[] seedMessage() {
        return SeedCodec.encode(seed);
    }
}
