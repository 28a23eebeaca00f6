package dev.parley.protocol;

import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a {@link LineDecoder} plus a line parser the way a connection does, recording every outcome as text so
 * runs can be compared; and a model of the same framing, written from the rules in LineDecoder's Javadoc.
 */
final class LineHarness {

    /** One of the two parsers, as Connection calls it: a request, null (nothing to do) or DecodeException. */
    interface Parser {
        Request parse(byte[] line) throws DecodeException;
    }

    static final String OVERSIZE = "oversize";

    private LineHarness() {
    }

    /** The outcomes of feeding {@code input} in the given chunking; checks the memory bound after every chunk. */
    /** The decoder gives the model's outcomes for {@code input} in one read and in {@code chunking}. */
    static void assertSameAsModel(byte[] input, List<Integer> chunking, int max, Parser parser) {
        List<String> expected = model(input, max, parser);
        org.junit.jupiter.api.Assertions.assertEquals(expected, decode(input, List.of(Integer.MAX_VALUE), max, parser));
        org.junit.jupiter.api.Assertions.assertEquals(expected, decode(input, chunking, max, parser));
        collectKinds(expected);
    }

    static List<String> decode(byte[] input, List<Integer> chunking, int max, Parser parser) {
        List<String> outcomes = new ArrayList<>();
        LineDecoder decoder = new LineDecoder(max, new LineDecoder.Listener() {
            @Override
            public void onLine(byte[] line) {
                assertTrue(line.length <= max, "a line of " + line.length + " bytes passed a limit of " + max);
                outcomes.add(parse(parser, line));
            }

            @Override
            public void onOversize() {
                outcomes.add(OVERSIZE);
            }
        });
        Fuzz.feedInChunks(input, chunking, decoder::feed, () -> assertTrue(decoder.heldBytes() <= max + 1,
                "holds " + decoder.heldBytes() + " bytes with a limit of " + max));
        return outcomes;
    }

    /**
     * The expected outcomes: split at LF, drop one CR before it, a line over the limit (or an unfinished tail over
     * limit + 1, which can never become a valid line) ends the stream.
     */
    static List<String> model(byte[] input, int max, Parser parser) {
        List<String> outcomes = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != '\n') continue;
            int end = i > start && input[i - 1] == '\r' ? i - 1 : i;
            if (end - start > max) {
                outcomes.add(OVERSIZE);
                return outcomes;
            }
            outcomes.add(parse(parser, Arrays.copyOfRange(input, start, end)));
            start = i + 1;
        }
        if (input.length - start > max + 1) outcomes.add(OVERSIZE);
        return outcomes;
    }

    /** Reports, per try, which outcomes the stream produced, so a run shows its inputs reach every path. */
    static void collectKinds(List<String> outcomes) {
        Statistics.label("requests").collect(outcomes.stream().anyMatch(o -> o.startsWith("request")));
        Statistics.label("refusals").collect(outcomes.stream().anyMatch(o -> o.startsWith("refused")));
        Statistics.label("oversize").collect(outcomes.contains(OVERSIZE));
    }

    /** Only DecodeException is an expected failure: anything else escapes and fails the property. */
    static String parse(Parser parser, byte[] line) {
        try {
            Request r = parser.parse(line);
            return r == null ? "nothing" : "request " + r.op() + " rid=" + r.rid() + " " + r.fields();
        } catch (DecodeException e) {
            return "refused: " + e.getMessage();
        }
    }
}
