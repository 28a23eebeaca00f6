package dev.parley.protocol;

import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedMessage;
import dev.parley.protocol.seed.SeedTranslator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output neutralisation for terminals (text and seed protocols): whatever a client wrote, one safe line comes out. */
class DisplayTextPropertiesTest {

    private final TextLineEncoder text = new TextLineEncoder(ZoneOffset.UTC);
    private final SeedTranslator seed = new SeedTranslator(ZoneOffset.UTC);

    @Property
    @Label("DisplayText.oneLine replaces exactly the unsafe characters, one for one: tab by a space, the others by U+FFFD")
    void oneLineReplacesExactlyTheUnsafe(@ForAll("texts") String input) {
        String out = DisplayText.oneLine(input);
        assertEquals(input.length(), out.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            char expected = c == '\t' ? ' ' : Fuzz.unsafeOnTerminal(c) ? DisplayText.REPLACEMENT : c;
            assertEquals(expected, out.charAt(i), "at " + i);
        }
        assertSafe(out);
    }

    @Property
    @Label("TextLineEncoder writes every frame (but the help text) as one line, listings as one line per item, CRLF-terminated, nothing unsafe in them")
    void textOutputIsOneSafeLine(@ForAll("frames") Outbound out) {
        byte[] bytes = text.encode(out);
        Statistics.collect(bytes == null ? "nothing shown" : "shown");
        if (bytes == null || (out instanceof Reply r && r.ok() && r.op().equals("help"))) return;
        String line = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\r\n"), line);
        // listings (rooms, history) are several lines, each as safe as a single one
        String[] shown = line.substring(0, line.length() - 2).split("\r\n", -1);
        for (String one : shown) assertSafe(one);
        List<byte[]> lines = new ArrayList<>();
        LineDecoder d = new LineDecoder(1 << 20, new LineDecoder.Listener() {
            @Override
            public void onLine(byte[] l) {
                lines.add(l);
            }

            @Override
            public void onOversize() {
                throw new AssertionError("oversize");
            }
        });
        d.feed(bytes);
        assertEquals(shown.length, lines.size(), "a client splitting at LF sees exactly the lines written");
        if (!(out instanceof Reply r && r.ok() && (r.op().equals("rooms") || r.op().equals("history")))) {
            assertEquals(1, shown.length, "only listings take several lines");
        }
    }

    @Property
    @Label("every string the stock seed client prints (SmsMes content, login and register errors) is one safe line, also after SeedCodec")
    void seedOutputIsOneSafeLine(@ForAll("frames") Outbound out) throws Exception {
        SeedMessage m = seed.fromOutbound(out);
        Statistics.collect(m == null ? "nothing shown" : m.type());
        if (m == null) return;
        byte[] frame = SeedCodec.encode(m);
        SeedMessage back = SeedCodec.decode(Arrays.copyOfRange(frame, 4, frame.length));
        for (SeedMessage shown : List.of(m, back)) {
            if (shown instanceof SeedMessage.SmsMes s) assertSafe(s.content());
            if (shown instanceof SeedMessage.LoginResMes l) assertSafe(l.error());
            if (shown instanceof SeedMessage.RegisterResMes r) assertSafe(r.error());
        }
    }

    private static void assertSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertTrue(!Fuzz.unsafeOnTerminal(c), String.format("U+%04X at %d in %s", (int) c, i, s));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Fuzz.anyText();
    }

    @Provide
    Arbitrary<Outbound> frames() {
        return Fuzz.outbound();
    }
}
