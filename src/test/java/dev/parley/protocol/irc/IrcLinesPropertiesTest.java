package dev.parley.protocol.irc;

import dev.parley.protocol.Fuzz;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRC lines (issue 16's decoder fuzzing): {@link IrcLineDecoder} + {@link IrcParser} against hostile input, and
 * {@link IrcWriter} / {@link IrcTextSplitter} against any message. Tries: junit-platform.properties (2,000), or
 * {@code mvn -o -Pfuzz test -Dtest='IrcLinesPropertiesTest'} for a million.
 */
class IrcLinesPropertiesTest {
    private static final String TOO_LONG = "<TOO_LONG>";
    private static final String FORBIDDEN = "<FORBIDDEN_BYTE>";

    @Property
    @Label("any bytes in any chunking: the same lines and rejections as one read and as the model, nothing thrown but IrcParseException, never more than the limit held")
    void anyBytesAnyChunking(@ForAll("ircish") byte[] input, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking,
                             @ForAll("limits") int max) {
        List<String> expected = model(input, max);
        assertEquals(expected, decode(input, List.of(Integer.MAX_VALUE), max));
        assertEquals(expected, decode(input, chunking, max));
        Statistics.label("messages").collect(expected.stream().anyMatch(o -> o.startsWith("msg")));
        Statistics.label("refused by the parser").collect(expected.stream().anyMatch(o -> o.startsWith("refused")));
        Statistics.label("too long").collect(expected.contains(TOO_LONG));
        Statistics.label("forbidden byte").collect(expected.contains(FORBIDDEN));
    }

    @Property
    @Label("any message written is one CRLF line without CR, LF or NUL inside, within 510 + 8191 bytes, and parses back to the same message with its text cleaned")
    void writerRoundTrip(@ForAll("messages") IrcMessage m) throws IrcParseException {
        String line = IrcWriter.line(m);
        assertTrue(line.endsWith("\r\n"));
        String inside = line.substring(0, line.length() - 2);
        assertTrue(inside.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0), "a line break inside: " + inside);
        int tagBytes = m.tags().isEmpty() ? 0 : IrcText.utf8Length(inside.substring(0, inside.indexOf(' ') + 1));
        assertTrue(tagBytes <= IrcLimits.MAX_SERVER_TAGS);
        int bodyBytes = IrcText.utf8Length(inside) - tagBytes;
        assertTrue(bodyBytes <= IrcLimits.MAX_BODY, bodyBytes + " bytes of body");

        IrcMessage back = IrcParser.forServerLines().parse(inside.getBytes(StandardCharsets.UTF_8));
        IrcMessage cleaned = cleaned(m);
        assertEquals(cleaned.tags(), back.tags());
        assertEquals(cleaned.source(), back.source());
        assertEquals(cleaned.command(), back.command());
        assertEquals(cleaned.params().size(), back.params().size());
        if (!cleaned.params().isEmpty()) {
            int n = cleaned.params().size();
            assertEquals(cleaned.params().subList(0, n - 1), back.params().subList(0, n - 1));
            if (back.last().equals(cleaned.last())) {
                Statistics.label("last parameter").collect("whole");
            } else {
                // Only a body at the limit loses text, and only from the end, between characters.
                assertTrue(cleaned.last().startsWith(back.last()));
                assertTrue(bodyBytes > IrcLimits.MAX_BODY - 4, "cut with " + bodyBytes + " bytes of body");
                Statistics.label("last parameter").collect("cut");
            }
        }
    }

    @Property
    @Label("long text split over lines: every line fits in 512 bytes, the pieces join back to the cleaned text, no piece ends inside a character")
    void splitKeepsEveryCharacter(@ForAll("longTexts") String text, @ForAll("sources") String source) {
        List<IrcMessage> parts = IrcTextSplitter.split(IrcMessage.from(source, "PRIVMSG", "#room", text));
        StringBuilder joined = new StringBuilder();
        for (IrcMessage p : parts) {
            String line = IrcWriter.line(p);
            int tagless = IrcText.utf8Length(line);
            assertTrue(tagless <= 512, tagless + " bytes");
            assertTrue(p.last().isEmpty() || !Character.isHighSurrogate(p.last().charAt(p.last().length() - 1)));
            assertTrue(parts.size() == 1 || !p.last().isEmpty(), "an empty piece");
            joined.append(p.last());
        }
        assertEquals(IrcText.clean(text), joined.toString());
        Statistics.label("pieces").collect(Math.min(parts.size(), 4));
    }

    @Property
    @Label("written lines fed to the decoder in any chunking come out as the same messages")
    void writtenLinesThroughTheDecoder(@ForAll("messageLists") List<IrcMessage> messages,
                                       @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking) throws IrcParseException {
        List<byte[]> lines = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (IrcMessage m : messages) {
            byte[] line = IrcWriter.write(m);
            lines.add(line);
            expected.add(String.valueOf(IrcParser.forServerLines().parse(Arrays.copyOf(line, line.length - 2))));
        }
        List<String> got = new ArrayList<>();
        IrcLineDecoder decoder = new IrcLineDecoder(IrcLimits.MAX_SERVER_TAGS + IrcLimits.MAX_BODY, new IrcLineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                got.add(parse(IrcParser.forServerLines(), line).substring(4));
            }

            @Override
            public void onRejected(IrcLineDecoder.Rejection rejection) {
                got.add("<" + rejection + ">");
            }
        });
        Fuzz.feedInChunks(Fuzz.concat(lines), chunking, decoder::feed, () -> { });
        assertEquals(expected, got);
    }

    /** What the decoder must report, written from the rules in its Javadoc. */
    static List<String> model(byte[] input, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != '\n') continue;
            int end = i > start && input[i - 1] == '\r' ? i - 1 : i;
            byte[] line = Arrays.copyOfRange(input, start, end);
            start = i + 1;
            if (line.length == 0) continue;
            if (line.length > max) out.add(TOO_LONG);
            else if (contains(line, (byte) 0) || contains(line, (byte) '\r')) out.add(FORBIDDEN);
            else out.add(parse(IrcParser.forClients(), line));
        }
        int tail = input.length - start;
        if (tail > max + 1 || (tail == max + 1 && input[input.length - 1] != '\r')) out.add(TOO_LONG);
        return out;
    }

    static List<String> decode(byte[] input, List<Integer> chunking, int max) {
        List<String> out = new ArrayList<>();
        IrcLineDecoder decoder = new IrcLineDecoder(max, new IrcLineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                assertTrue(line.length > 0 && line.length <= max, "a line of " + line.length + " bytes, limit " + max);
                out.add(parse(IrcParser.forClients(), line));
            }

            @Override
            public void onRejected(IrcLineDecoder.Rejection rejection) {
                out.add("<" + rejection + ">");
            }
        });
        Fuzz.feedInChunks(input, chunking, decoder::feed, () -> assertTrue(decoder.heldBytes() <= max + 1,
                "holds " + decoder.heldBytes() + " bytes with a limit of " + max));
        return out;
    }

    /** Only IrcParseException is an expected failure: anything else escapes and fails the property. */
    static String parse(IrcParser parser, byte[] line) {
        try {
            return "msg " + parser.parse(line);
        } catch (IrcParseException e) {
            return "refused: " + e.problem();
        }
    }

    private static boolean contains(byte[] b, byte wanted) {
        for (byte x : b) if (x == wanted) return true;
        return false;
    }

    static IrcMessage cleaned(IrcMessage m) {
        Map<String, String> tags = new LinkedHashMap<>();
        m.tags().forEach((k, v) -> tags.put(k, IrcText.cleanTagValue(v)));
        String source = m.source() == null ? null : IrcText.clean(m.source());
        return new IrcMessage(tags, source, m.command(), m.params().stream().map(IrcText::clean).toList());
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(IrcLimits.MAX_CLIENT_LINE)),
                Tuple.of(2, Arbitraries.integers().between(1, 300)));
    }

    @Provide
    Arbitrary<byte[]> ircish() {
        Arbitrary<byte[]> tokens = Arbitraries.of("@", "@time=x;+a/b=c\\s;d ", "@a=\\", ":", ":bob!b@h ", " ", "  ",
                "PRIVMSG", "privmsg", "NICK", "CAP LS 302", "001", "1234", "#dev", " :", "hi there", "\0", "\r", "é🙂",
                "\\", ";", "=", "AUTHENTICATE +", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16").map(Fuzz::utf8);
        return Fuzz.streams(Arbitraries.oneOf(tokens, Fuzz.badUtf8()), 700);
    }

    @Provide
    Arbitrary<IrcMessage> messages() {
        return message();
    }

    @Provide
    Arbitrary<List<IrcMessage>> messageLists() {
        return message().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> longTexts() {
        Arbitrary<String> words = Arbitraries.of("a", "word", "é", "你好", "🙂", " ", "  ", "\r\n", "\0", "\ud800")
                .list().ofMaxSize(400).map(l -> String.join("", l));
        return Arbitraries.oneOf(words, Fuzz.anyText(),
                Arbitraries.strings().withChars("x🙂é ").ofMaxLength(1500));
    }

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.oneOf(Arbitraries.just("irc.parley"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(120));
    }

    private static Arbitrary<IrcMessage> message() {
        Arbitrary<String> tagKey = Combinators.combine(Arbitraries.of("", "+"),
                        Arbitraries.of("", "example.com/", "draft/", "a-b.c/"),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                                .withChars('-').ofMinLength(1).ofMaxLength(12))
                .as((plus, vendor, name) -> plus + vendor + name);
        Arbitrary<Map<String, String>> tags = Arbitraries.maps(tagKey, Fuzz.anyText()).ofMaxSize(4)
                .map(LinkedHashMap::new);
        // Names and words: any character but space, CR, LF and NUL (which cannot be in them), half surrogates included.
        Arbitrary<String> token = Arbitraries.strings().withChars("aZ09#:!@*._-é你🙂\u0001\u0003\u007f\u0085\u2028\ud800\udfff\t")
                .ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> source = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.just("irc.parley"),
                token.map(t -> t.length() > 60 ? t.substring(0, 60) : t));
        Arbitrary<String> command = Arbitraries.oneOf(Arbitraries.of("PRIVMSG", "NOTICE", "001", "353", "CAP"),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().numeric().ofLength(3));
        Arbitrary<String> middle = token.map(t -> t.charAt(0) == ':' ? "x" + t : t).map(t -> t.length() > 6 ? t.substring(0, 6) : t);
        Arbitrary<String> last = Arbitraries.oneOf(Fuzz.anyText(), middle, Arbitraries.of("", ":", " ", ":x y"),
                Arbitraries.strings().withChars("é🙂x ").ofMaxLength(700));
        Arbitrary<List<String>> params = Combinators.combine(middle.list().ofMaxSize(14), last, Arbitraries.of(true, false))
                .as((mids, l, withLast) -> {
                    List<String> p = new ArrayList<>(mids);
                    if (withLast) p.add(l);
                    return p;
                });
        // Source, command and middle parameters are names and words that leave room for the text: at most
        // 2 + 3 * 60 + 10 + 14 * (1 + 3 * 6) = 458 bytes.
        return Combinators.combine(tags, source, command, params).as(IrcMessage::new);
    }
}
