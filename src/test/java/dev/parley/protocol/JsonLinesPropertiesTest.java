package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON lines: {@link LineDecoder} + {@link JsonRequestParser}, against hostile input and the production encoder. */
class JsonLinesPropertiesTest {

    @Property
    @Label("any bytes in any chunking: the same lines and refusals as one read and as the model, nothing but DecodeException, never more than the limit held")
    void anyBytesAnyChunking(@ForAll("jsonish") byte[] input, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking,
                             @ForAll("limits") int max) {
        LineHarness.assertSameAsModel(input, chunking, max, JsonRequestParser::parse);
    }

    @Property
    @Label("every outbound frame from JsonLineEncoder, in any chunking, decodes to one JSON object with exactly its fields")
    void outboundRoundTrip(@ForAll("frames") List<Outbound> frames,
                           @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking) {
        List<byte[]> encoded = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Outbound out : frames) {
            encoded.add(JsonLineEncoder.encode(out));
            expected.add(LineHarness.parse(line -> new Request(out instanceof Reply r ? r.op() : opOf(out),
                    out instanceof Reply r ? r.rid() : null, expectedObject(out)), new byte[0]));
        }
        assertEquals(expected, LineHarness.decode(Fuzz.concat(encoded), chunking, 8192, JsonRequestParser::parse));
    }

    @Property
    @Label("requests written by any JSON writer parse to the same op, rid and fields")
    void requestRoundTrip(@ForAll("requests") ObjectNode request, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking)
            throws JsonProcessingException {
        byte[] line = Fuzz.concat(List.of(Json.MAPPER.writeValueAsBytes(request), Fuzz.utf8("\r\n")));
        List<String> decoded = LineHarness.decode(line, chunking, 8192, JsonRequestParser::parse);
        assertEquals(List.of("request " + request.get("op").asText() + " rid=" + request.get("rid") + " " + request),
                decoded);
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Fuzz.limits(1, 300);
    }

    @Provide
    Arbitrary<List<Outbound>> frames() {
        return Fuzz.outbound().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> jsonish() {
        Arbitrary<byte[]> tokens = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\"op\"", "\"rid\"",
                "\"say\"", "\"text\"", "1", "-0.5e3", "true", "null", "\"\\ud800\"", "\"\\u0000\"", "\"\\u001b[2J\"",
                "9".repeat(70), "/*", "'", "[".repeat(20), "{\"op\":\"say\",\"text\":\"hi\",\"rid\":7}", " ", "é🙂",
                "\"" + "k".repeat(300) + "\":1").map(Fuzz::utf8);
        Arbitrary<byte[]> requests = requests().map(r -> {
            try {
                return Json.MAPPER.writeValueAsBytes(r);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        // A request on a line of its own, so that the streams carry valid requests between the garbage.
        Arbitrary<byte[]> requestLines = requests.map(r -> Fuzz.concat(List.of(Fuzz.utf8("\n"), r, Fuzz.utf8("\r\n"))));
        return Fuzz.streams(Arbitraries.frequencyOf(Tuple.of(4, tokens), Tuple.of(1, Fuzz.badUtf8()),
                Tuple.of(1, requests), Tuple.of(3, requestLines)), 320);
    }

    /** What a client may send: an op, maybe a rid, and text fields (any text a JSON string can carry). */
    @Provide
    Arbitrary<ObjectNode> requests() {
        Arbitrary<String> text = Fuzz.anyText().filter(t -> !Utf16.hasUnpairedSurrogate(t));
        return Combinators.combine(Arbitraries.of("say", "msg", "login", "register", "who", "ping", "x"),
                        Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().map(String::valueOf), text),
                        text, text)
                .as((op, rid, to, body) -> {
                    ObjectNode r = Json.object().put("op", op);
                    if (rid.isEmpty()) r.putNull("rid");
                    else if (rid.matches("-?[0-9]+")) r.put("rid", Integer.parseInt(rid));
                    else r.put("rid", rid);
                    return r.put("to", to).put("text", body);
                });
    }

    private static String opOf(Outbound out) {
        if (out instanceof MessageEvent) return "message";
        if (out instanceof PresenceEvent) return "presence";
        if (out instanceof ByeEvent) return "bye";
        if (out instanceof RoomNotice n) return n.kind();
        return "notice";
    }

    /** The object docs/protocol.md promises for each frame, built from the frame without the encoder. */
    private static ObjectNode expectedObject(Outbound out) {
        ObjectNode o = Json.object();
        if (out instanceof Reply r) {
            o.put("op", r.op());
            if (r.rid() != null) o.set("rid", r.rid());
            if (r.op().equals("pong")) return o;
            o.put("ok", r.ok());
            if (r.ok()) {
                o.setAll(r.fields());
            } else {
                o.putObject("error").put("code", r.error().name()).put("message", r.message());
            }
        } else if (out instanceof MessageEvent m) {
            o.put("op", "message").put("kind", m.group() ? "group" : "private");
            if (m.room() != null) o.put("room", m.room());
            o.put("id", m.id())
                    .put("from", m.from()).put("name", m.name());
            if (m.to() != null) o.put("to", m.to());
            o.put("text", m.text());
            // A parser reads a number that fits an int as an int.
            if (m.ts() == (int) m.ts()) o.put("ts", (int) m.ts());
            else o.put("ts", m.ts());
            if (m.offline()) o.put("offline", true);
        } else if (out instanceof PresenceEvent p) {
            o.put("op", "presence").put("user", p.user()).put("name", p.name())
                    .put("status", p.online() ? "online" : "offline");
        } else if (out instanceof ByeEvent b) {
            o.put("op", "bye").put("reason", b.reason().name()).put("message", b.message());
        } else if (out instanceof NoticeEvent n) {
            o.put("op", "notice").put("code", n.code()).put("message", n.message());
        } else if (out instanceof RoomNotice n) {
            o.put("op", n.kind()).put("room", n.room());
            if (n.user() != null) o.put("user", n.user());
            if (n.name() != null) o.put("name", n.name());
            if (n.by() != null) o.put("by", n.by());
            if (n.kind().equals("topic")) {
                o.put("text", n.text() == null ? "" : n.text());
                if (n.ts() == (int) n.ts()) o.put("ts", (int) n.ts());
                else o.put("ts", n.ts());
            } else if (n.text() != null) {
                o.put("reason", n.text());
            }
        }
        return o;
    }
}
