package dev.parley.protocol.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.protocol.Fuzz;
import dev.parley.protocol.Json;
import dev.parley.protocol.Request;
import dev.parley.protocol.Utf16;
import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed frames: {@link SeedFrameDecoder} + {@link SeedCodec} + {@link SeedTranslator}, against hostile input and the production encoder. */
class SeedFramesPropertiesTest {

    /** The outcomes of a stream, and whether it ended mid-frame. */
    record Run(List<String> outcomes, boolean partial) {
    }

    @Property
    @Label("any bytes in any chunking: the same frames, refusals and error as one read and as the model, nothing but SeedProtocolException, never more than the limit held")
    void anyBytesAnyChunking(@ForAll("seedish") byte[] input, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking,
                             @ForAll("limits") int max) {
        Run expected = model(input, max);
        assertEquals(expected, decode(input, List.of(Integer.MAX_VALUE), max));
        assertEquals(expected, decode(input, chunking, max));
        Statistics.label("messages").collect(expected.outcomes().stream().anyMatch(o -> o.startsWith("message")));
        Statistics.label("refusals").collect(expected.outcomes().stream().anyMatch(o -> o.startsWith("refused")));
        Statistics.label("stream error").collect(expected.outcomes().stream()
                .filter(o -> o.startsWith("error")).map(o -> o.substring(6, o.indexOf(':'))).findFirst().orElse("none"));
    }

    @Property
    @Label("every message SeedCodec encodes, in any chunking, decodes to itself (unpaired surrogates as U+FFFD, long content cut with the marker)")
    void messagesRoundTrip(@ForAll("messageLists") List<SeedMessage> messages, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking) {
        List<byte[]> frames = new ArrayList<>();
        for (SeedMessage m : messages) {
            byte[] frame = SeedCodec.encode(m);
            assertTrue(frame.length - SeedFrameDecoder.HEADER_BYTES <= SeedCodec.MAX_OUTPUT_BODY, "frame too large");
            frames.add(frame);
        }
        List<SeedMessage> decoded = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        SeedFrameDecoder decoder = new SeedFrameDecoder(SeedCodec.MAX_OUTPUT_BODY, new SeedFrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] body) {
                try {
                    decoded.add(SeedCodec.decode(body));
                } catch (SeedProtocolException e) {
                    errors.add(e.getMessage());
                }
            }

            @Override
            public void onError(SeedDecodeError error, String detail) {
                errors.add(error + " " + detail);
            }
        });
        Fuzz.feedInChunks(Fuzz.concat(frames), chunking, decoder::feed, () -> { });
        assertEquals(List.of(), errors);
        assertEquals(messages.size(), decoded.size());
        for (int i = 0; i < messages.size(); i++) {
            assertRoundTrip(messages.get(i), decoded.get(i));
        }
    }

    private static void assertRoundTrip(SeedMessage sent, SeedMessage got) {
        if (sent instanceof SmsMes s && got instanceof SmsMes g && !clean(s.content()).equals(g.content())) {
            // Cut to fit the stock client's buffer: a code-point prefix of the content, then the marker.
            assertTrue(g.content().endsWith(SeedCodec.TRUNCATION_MARKER), "changed without the marker: " + g.content());
            String kept = g.content().substring(0, g.content().length() - SeedCodec.TRUNCATION_MARKER.length());
            assertTrue(clean(s.content()).startsWith(kept), "not a prefix of the content");
            Statistics.label("truncated").collect(true);
            assertEquals(clean(new SmsMes("", s.userId(), s.userPwd(), s.userName(), s.userStatus(), s.sex())),
                    new SmsMes("", g.userId(), g.userPwd(), g.userName(), g.userStatus(), g.sex()));
            return;
        }
        assertEquals(clean(sent), got);
        Request r = SeedTranslator.toRequest(got);
        if (got instanceof LoginMes l) {
            assertEquals(Json.object().put("user", Long.toString(l.userId())).put("password", l.userPwd()), r.fields());
        } else if (got instanceof SmsMes s) {
            assertEquals(Json.object().put("text", s.content()), r.fields());
        }
    }

    /** The message as it must arrive: unpaired surrogates are sent as U+FFFD. */
    private static SeedMessage clean(SeedMessage m) {
        if (m instanceof LoginMes l) return new LoginMes(l.userId(), clean(l.userPwd()), clean(l.userName()));
        if (m instanceof LoginResMes l) return new LoginResMes(l.code(), l.usersId(), clean(l.error()));
        if (m instanceof RegisterResMes r) return new RegisterResMes(r.code(), clean(r.error()));
        if (m instanceof SmsMes s) {
            return new SmsMes(clean(s.content()), s.userId(), clean(s.userPwd()), clean(s.userName()), s.userStatus(),
                    clean(s.sex()));
        }
        if (m instanceof RegisterMes r) {
            SeedUser u = r.user();
            return new RegisterMes(new SeedUser(u.userId(), clean(u.userPwd()), clean(u.userName()), u.userStatus(),
                    clean(u.sex())));
        }
        return m;
    }

    private static String clean(String s) {
        return Utf16.replaceUnpairedSurrogates(s);
    }

    /** Feeds the stream as a connection does and records everything, checking the bounds after every chunk. */
    static Run decode(byte[] input, List<Integer> chunking, int max) {
        List<String> outcomes = new ArrayList<>();
        boolean[] errored = {false};
        SeedFrameDecoder decoder = new SeedFrameDecoder(max, new SeedFrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] body) {
                assertTrue(!errored[0], "a frame after the error");
                assertTrue(body.length >= 1 && body.length <= max, "a body of " + body.length + " bytes, limit " + max);
                outcomes.add(frame(body));
            }

            @Override
            public void onError(SeedDecodeError error, String detail) {
                assertTrue(!errored[0], "a second error");
                errored[0] = true;
                outcomes.add("error " + error + ": " + detail);
            }
        });
        Fuzz.feedInChunks(input, chunking, decoder::feed, () -> assertTrue(decoder.heldBodyBytes() <= max,
                "holds " + decoder.heldBodyBytes() + " body bytes, limit " + max));
        assertEquals(errored[0], decoder.isFailed());
        return new Run(outcomes, decoder.hasPartialFrame());
    }

    /** The framing written out from the protocol: 4-byte big-endian length (1..max), then that many bytes. */
    static Run model(byte[] input, int max) {
        List<String> outcomes = new ArrayList<>();
        int pos = 0;
        while (input.length - pos >= 4) {
            long length = ByteBuffer.wrap(input, pos, 4).getInt() & 0xFFFFFFFFL;
            if (length == 0) {
                outcomes.add("error ZERO_LENGTH: frame length is 0");
                return new Run(outcomes, false);
            }
            if (length > max) {
                outcomes.add("error TOO_LARGE: frame length " + length + " exceeds maximum " + max);
                return new Run(outcomes, false);
            }
            if (input.length - pos - 4 < length) {
                return new Run(outcomes, true);
            }
            outcomes.add(frame(Arrays.copyOfRange(input, pos + 4, pos + 4 + (int) length)));
            pos += 4 + (int) length;
        }
        return new Run(outcomes, pos < input.length);
    }

    /** What a connection makes of a body; only SeedProtocolException is an expected failure. */
    private static String frame(byte[] body) {
        try {
            SeedMessage m = SeedCodec.decode(body);
            Request r = SeedTranslator.toRequest(m);
            return "message " + m + " -> " + r.op() + " " + r.fields();
        } catch (SeedProtocolException e) {
            return "refused " + e.reason() + ": " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Fuzz.limits(1, 400);
    }

    @Provide
    Arbitrary<List<SeedMessage>> messageLists() {
        return messages().list().ofMinSize(1).ofMaxSize(5);
    }

    /** Seed streams: frames with right, wrong, zero and huge lengths around bodies valid, nearly valid and random. */
    @Provide
    Arbitrary<byte[]> seedish() {
        Arbitrary<byte[]> validBody = messages().map(m -> {
            byte[] frame = SeedCodec.encode(m);
            return Arrays.copyOfRange(frame, SeedFrameDecoder.HEADER_BYTES, frame.length);
        });
        Arbitrary<byte[]> mutated = Combinators.combine(validBody, Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.bytes())
                .as((body, at, b) -> {
                    byte[] copy = body.clone();
                    copy[at % copy.length] = b;
                    return copy;
                });
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                Tuple.of(3, validBody),
                Tuple.of(4, envelopes()),
                Tuple.of(2, mutated),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                Tuple.of(1, Fuzz.badUtf8()));
        Arbitrary<byte[]> frame = Combinators.combine(body, Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.just(0)),
                        Tuple.of(1, Arbitraries.of(-1, 1)),
                        Tuple.of(1, Arbitraries.integers().between(-500, 500))))
                .as((b, skew) -> {
                    ByteBuffer out = ByteBuffer.allocate(4 + b.length);
                    out.putInt(Math.max(0, b.length + skew)).put(b);
                    return out.array();
                });
        Arbitrary<byte[]> header = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().map(n -> ByteBuffer.allocate(4).putInt(n).array())),
                Tuple.of(1, Arbitraries.just(new byte[4])));
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(10, frame),
                Tuple.of(1, header),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(6)));
        return piece.list().ofMaxSize(8).map(Fuzz::concat);
    }

    /** Envelopes of the six types (and unknown ones) around inner objects with the right keys and any values. */
    private Arbitrary<byte[]> envelopes() {
        Arbitrary<String> type = Arbitraries.of(LoginMes.TYPE, LoginResMes.TYPE, RegisterMes.TYPE, RegisterResMes.TYPE,
                NotifyUserStatusMes.TYPE, SmsMes.TYPE, "loginmes", "Nope", "");
        Arbitrary<JsonNode> data = Arbitraries.frequencyOf(
                Tuple.of(8, innerObject(true).map(o -> (JsonNode) TextNode.valueOf(o.toString()))),
                Tuple.of(1, innerObject(true).map(o -> (JsonNode) o)),
                Tuple.of(1, value()));
        return Combinators.combine(type, data, Arbitraries.of(true, false)).as((t, d, extra) -> {
            ObjectNode envelope = Json.object().put("type", t).set("data", d);
            if (extra) envelope.put("Type", "SmsMes");
            try {
                return Json.MAPPER.writeValueAsBytes(envelope);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Arbitrary<ObjectNode> innerObject(boolean nest) {
        Arbitrary<String> key = Arbitraries.of("userId", "userPwd", "userName", "UsersId", "code", "error", "status",
                "content", "user", "userStatus", "sex", "other").flatMap(k -> Arbitraries.of(k,
                k.toUpperCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)));
        Arbitrary<JsonNode> v = nest
                ? Arbitraries.frequencyOf(Tuple.of(9, value()), Tuple.of(1, innerObject(false).map(o -> (JsonNode) o)))
                : value();
        return Combinators.combine(key, v).as(Tuple::of).list().ofMaxSize(7).map(fields -> {
            ObjectNode o = Json.object();
            fields.forEach(f -> o.set(f.get1(), f.get2()));
            return o;
        });
    }

    private static Arbitrary<JsonNode> value() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
                Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)),
                Arbitraries.of("1", "0", "007", "-5", "18446744073709551616", "9223372036854775807", " 1", "1e3")
                        .map(s -> (JsonNode) TextNode.valueOf(s)),
                Fuzz.anyText().map(s -> (JsonNode) TextNode.valueOf(s)),
                Arbitraries.just((JsonNode) NullNode.getInstance()),
                Arbitraries.of(1.5, 1e30).map(d -> (JsonNode) JsonNodeFactory.instance.numberNode(d)),
                Arbitraries.longs().list().ofMaxSize(4).map(ls -> {
                    ArrayNode a = Json.object().arrayNode();
                    ls.forEach(a::add);
                    return (JsonNode) a;
                }),
                Arbitraries.just((JsonNode) Json.object().arrayNode().add("x").add(true)));
    }

    /** All six messages, with any text (unpaired surrogates too) and now and then a content too long to send whole. */
    static Arbitrary<SeedMessage> messages() {
        Arbitrary<String> text = Fuzz.anyText();
        Arbitrary<Long> id = Arbitraries.longs();
        Arbitrary<Integer> small = Arbitraries.integers();
        Arbitrary<String> content = Arbitraries.frequencyOf(
                Tuple.of(9, text),
                Tuple.of(1, Combinators.combine(text, Arbitraries.integers().between(500, 3000))
                        .as((t, n) -> (t + "\u0001é🙂\"").repeat(Math.max(1, n / Math.max(1, t.length() + 5))))));
        return Arbitraries.oneOf(
                Combinators.combine(id, text, text).as(LoginMes::new),
                Combinators.combine(small, id.list().ofMaxSize(20).injectNull(0.3), text).as(LoginResMes::new),
                Combinators.combine(id, text, text, small, text)
                        .as((i, pw, name, status, sex) -> (SeedMessage) new RegisterMes(new SeedUser(i, pw, name, status, sex))),
                Combinators.combine(small, text).as(RegisterResMes::new),
                Combinators.combine(id, small).as(NotifyUserStatusMes::new),
                Combinators.combine(content, id, text, text, small, text).as(SmsMes::new));
    }
}
