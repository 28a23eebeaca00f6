package dev.parley.jmh;

import dev.parley.protocol.DecodeException;
import dev.parley.protocol.JsonRequestParser;
import dev.parley.protocol.LineDecoder;
import dev.parley.protocol.Request;
import dev.parley.protocol.TextRequestParser;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedDecodeError;
import dev.parley.protocol.seed.SeedFrameDecoder;
import dev.parley.protocol.seed.SeedMessage;
import dev.parley.protocol.seed.SeedProtocolException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Decoding one inbound request in each protocol: framing plus parsing, as a connection does it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBench {
    private static final String TEXT = "hello everyone, this is a 64-byte chat message for the bench...";

    private byte[] jsonLine;
    private byte[] jsonChunk;
    private byte[] textLine;
    private byte[] seedBody;
    private byte[] seedFrame;
    private LineDecoder jsonDecoder;
    private SeedFrameDecoder seedDecoder;
    private Blackhole sink;

    @Setup
    public void setup(Blackhole bh) {
        sink = bh;
        jsonLine = ("{\"op\":\"say\",\"rid\":42,\"text\":\"" + TEXT + "\"}").getBytes(StandardCharsets.UTF_8);
        jsonChunk = ("{\"op\":\"say\",\"rid\":42,\"text\":\"" + TEXT + "\"}\n").getBytes(StandardCharsets.UTF_8);
        textLine = TEXT.getBytes(StandardCharsets.UTF_8);
        // encode() returns a whole frame: 4-byte length header, then the body.
        seedFrame = SeedCodec.encode(SeedMessage.SmsMes.group(TEXT, 100));
        seedBody = java.util.Arrays.copyOfRange(seedFrame, SeedFrameDecoder.HEADER_BYTES, seedFrame.length);
        jsonDecoder = new LineDecoder(8192, new LineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                try {
                    sink.consume(JsonRequestParser.parse(line));
                } catch (DecodeException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void onOversize() {
                throw new IllegalStateException("oversize");
            }
        });
        seedDecoder = new SeedFrameDecoder(8192, new SeedFrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] body) {
                try {
                    sink.consume(SeedCodec.decode(body));
                } catch (SeedProtocolException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void onError(SeedDecodeError error, String detail) {
                throw new IllegalStateException(error + ": " + detail);
            }
        });
    }

    @Benchmark
    public Request jsonParse() throws DecodeException {
        return JsonRequestParser.parse(jsonLine);
    }

    @Benchmark
    public void jsonFramedAndParsed() {
        jsonDecoder.feed(jsonChunk);
    }

    @Benchmark
    public Request textParse() throws DecodeException {
        return TextRequestParser.parse(textLine);
    }

    @Benchmark
    public SeedMessage seedParse() throws SeedProtocolException {
        return SeedCodec.decode(seedBody);
    }

    @Benchmark
    public void seedFramedAndParsed() {
        seedDecoder.feed(seedFrame);
    }
}
