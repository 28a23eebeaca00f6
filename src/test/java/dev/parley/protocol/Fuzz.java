package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Inputs for the decoder properties (*PropertiesTest): hostile byte streams, the ways a network may cut them, and
 * arbitrary outbound frames. Pure Java: the decoders are fed directly, no sockets.
 */
public final class Fuzz {

    /** Writes one chunk into a decoder. */
    public interface Sink {
        void feed(byte[] data, int offset, int length);
    }

    /** Called after each chunk, e.g. to check what the decoder holds. */
    public interface AfterChunk {
        void check();
    }

    private Fuzz() {
    }

    /**
     * Chunk sizes, used in turn until the input is consumed; 0 is an empty read. At least one size is positive,
     * so feeding always ends.
     */
    public static Arbitrary<List<Integer>> chunkings() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(6, Arbitraries.integers().between(1, 8)),
                Tuple.of(3, Arbitraries.integers().between(1, 300)));
        return size.list().ofMinSize(1).ofMaxSize(12).filter(l -> l.stream().anyMatch(s -> s > 0));
    }

    /** {@link #chunkings()} for a property parameter: {@code @ForAll(supplier = Fuzz.Chunkings.class)}. */
    public static final class Chunkings implements ArbitrarySupplier<List<Integer>> {
        @Override
        public Arbitrary<List<Integer>> get() {
            return chunkings();
        }
    }

    /**
     * Feeds {@code input} in the given chunk sizes. Each chunk is copied into a larger array at an offset, and
     * that array is overwritten right after the call: a decoder that kept a reference to the caller's array, or
     * misread offset and length, gives different frames than with one whole read.
     */
    public static void feedInChunks(byte[] input, List<Integer> sizes, Sink sink, AfterChunk after) {
        int off = 0;
        int turn = 0;
        while (off < input.length) {
            int n = Math.min(sizes.get(turn++ % sizes.size()), input.length - off);
            byte[] scratch = new byte[n + 7];
            System.arraycopy(input, off, scratch, 3, n);
            sink.feed(scratch, 3, n);
            Arrays.fill(scratch, (byte) 'X');
            after.check();
            off += n;
        }
    }

    /** A frame limit: half the time the shipped one (limits.maxFrameBytes), else small enough to be hit often. */
    public static Arbitrary<Integer> limits(int smallest, int largest) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(8192)),
                Tuple.of(1, Arbitraries.integers().between(smallest, largest)));
    }

    /** A byte stream made of pieces: random bytes, the given protocol fragments, line ends and long runs. */
    public static Arbitrary<byte[]> streams(Arbitrary<byte[]> fragments, int maxRun) {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(12)),
                Tuple.of(6, fragments),
                Tuple.of(3, Arbitraries.of("\n", "\r\n", "\r", "\n\n").map(Fuzz::utf8)),
                Tuple.of(1, Arbitraries.integers().between(0, maxRun).map(n -> {
                    byte[] run = new byte[n];
                    Arrays.fill(run, (byte) 'a');
                    return run;
                })));
        return piece.list().ofMaxSize(40).map(Fuzz::concat);
    }

    /** Broken and borderline UTF-8: overlong forms, encoded surrogates, beyond U+10FFFF, truncated sequences. */
    public static Arbitrary<byte[]> badUtf8() {
        return Arbitraries.of(
                new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xC1, (byte) 0xBF},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC2, (byte) 0x85},
                new byte[] {(byte) 0xE2, (byte) 0x80, (byte) 0xA8}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }

    /** Any Java string: unpaired surrogates, controls, line separators, bidi overrides and emoji included. */
    public static Arbitrary<String> anyText() {
        Arbitrary<Character> nasty = Arbitraries.of('\n', '\r', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085',
                '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff', '\ufeff', '\ufffd',
                '"', '\\', '/', ' ', '\u3000', '\u00a0');
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('a', 'b', ' ', '0', 'é', '你', '\ud83d', '\ude42'),
                Arbitraries.chars().range('\u0000', '\u00a0'), nasty);
        Arbitrary<String> mixed = chars.list().ofMaxSize(60).map(Fuzz::string);
        return Arbitraries.oneOf(mixed, Arbitraries.strings().all().ofMaxLength(40), Arbitraries.just(""));
    }

    /** A user id as the server would name it: mostly digits, sometimes anything. */
    public static Arbitrary<String> userIds() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.strings().alpha().numeric().withChars("_.-").ofMinLength(1).ofMaxLength(32), anyText());
    }

    /** Every kind of outbound frame, with arbitrary text wherever a client's text can end up. */
    public static Arbitrary<Outbound> outbound() {
        Arbitrary<JsonNode> rid = Arbitraries.oneOf(Arbitraries.just((JsonNode) null),
                Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
                anyText().map(t -> (JsonNode) TextNode.valueOf(t)));
        Arbitrary<String> ops = Arbitraries.of("register", "login", "who", "msg", "say", "password", "rename",
                "delete_account", "logout", "help", "pong", "error", "frobnicate", "join", "part", "room", "rooms",
                "members", "topic", "kick", "ban", "unban", "invite", "mode", "history");
        Arbitrary<ObjectNode> person = Combinators.combine(userIds(), anyText())
                .as((u, n) -> Json.object().put("user", u).put("name", n));
        Arbitrary<ObjectNode> okFields = Combinators.combine(userIds(), anyText(), userIds(), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1_000_000), person.list().ofMaxSize(4))
                .as((user, name, to, stored, count, online) -> {
                    ObjectNode f = Json.object().put("user", user).put("name", name).put("to", to)
                            .put("stored", stored).put("count", count);
                    ArrayNode list = f.putArray("online");
                    online.forEach(list::add);
                    return f;
                });
        Arbitrary<Outbound> ok = Combinators.combine(ops, rid, okFields).as(Reply::ok);
        Arbitrary<Outbound> pong = rid.map(Reply::pong);
        Arbitrary<Outbound> fail = Combinators.combine(ops, rid, Arbitraries.of(ChatError.class), anyText())
                .as(Reply::fail);
        Arbitrary<String> room = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.of("#lobby", "#Dev"), anyText());
        Arbitrary<MessageEvent> messages = Combinators.combine(Arbitraries.of(true, false), anyText(), userIds(), anyText(),
                        userIds(), anyText(), Arbitraries.longs().between(0, 4_102_444_800_000L), Arbitraries.of(true, false))
                .as((group, id, from, name, to, text, ts, offline) ->
                        new MessageEvent(group, id, from, name, group ? null : to, text, ts, offline));
        Arbitrary<Outbound> message = Combinators.combine(messages, room)
                .as((m, r) -> new MessageEvent(m.group(), m.id(), m.from(), m.name(), m.to(), m.text(), m.ts(), m.offline(),
                        m.group() ? r : null));
        Arbitrary<String> maybeText = Arbitraries.oneOf(Arbitraries.just((String) null), anyText());
        Arbitrary<Outbound> roomNotice = Combinators.combine(Arbitraries.of(Ops.JOINED, Ops.PARTED, Ops.KICKED, Ops.TOPIC, Ops.INVITED),
                        anyText(), maybeText, maybeText, maybeText, maybeText, Arbitraries.longs().between(0, 4_102_444_800_000L))
                .as(RoomNotice::new);
        Arbitrary<ObjectNode> roomView = Combinators.combine(anyText(), anyText(), anyText(), Arbitraries.longs().between(-1, 100_000))
                .as((name, display, topic, n) -> Json.object().put("name", name).put("display", display).put("topic", topic)
                        .put("members", n).put("online", n));
        Arbitrary<ObjectNode> member = Combinators.combine(userIds(), anyText(), Arbitraries.of(true, false))
                .as((u, n, b) -> Json.object().put("user", u).put("name", n).put("online", b).put("op", !b));
        Arbitrary<ObjectNode> roomFields = Combinators.combine(anyText(), roomView, roomView.list().ofMaxSize(3),
                        member.list().ofMaxSize(3), messages.map(MessageJson::node).list().ofMaxSize(3), maybeText,
                        Arbitraries.of(true, false))
                .as((name, view, views, members, history, next, flag) -> {
                    ObjectNode f = Json.object().put("room", name).put("topic", name).put("by", name).put("created", flag)
                            .put("more", flag).put("count", 9).put("total", 9).put("user", name);
                    if (next != null) f.put("next", next);
                    if (flag) f.set("room", view);
                    views.forEach(f.putArray("rooms")::add);
                    members.forEach(f.putArray("members")::add);
                    history.forEach(f.putArray("messages")::add);
                    return f;
                });
        Arbitrary<Outbound> roomReply = Combinators.combine(Arbitraries.of("join", "part", "room", "rooms", "members", "topic",
                "kick", "ban", "unban", "invite", "mode", "history"), rid, roomFields).as(Reply::ok);
        Arbitrary<Outbound> presence = Combinators.combine(userIds(), anyText(), Arbitraries.of(true, false))
                .as(PresenceEvent::new);
        Arbitrary<Outbound> bye = Combinators.combine(Arbitraries.of(ByeReason.class), anyText()).as(ByeEvent::new);
        Arbitrary<Outbound> notice = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(20), anyText())
                .as(NoticeEvent::new);
        return Arbitraries.oneOf(ok, pong, fail, message, presence, bye, notice, roomNotice, roomReply);
    }

    public static String string(List<Character> chars) {
        StringBuilder sb = new StringBuilder(chars.size());
        chars.forEach(sb::append);
        return sb.toString();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * What must never reach a terminal inside a line, written out from the rules in DisplayText's Javadoc rather
     * than calling it: C0 (CR, LF, ESC, ...), DEL, C1 (NEL, CSI, ...), U+2028/9, bidi embeddings/overrides/isolates.
     */
    public static boolean unsafeOnTerminal(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
