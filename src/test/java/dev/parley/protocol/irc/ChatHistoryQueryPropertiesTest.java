package dev.parley.protocol.irc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a client puts after CHATHISTORY, the answer is a query within the limit or one writable FAIL line. */
class ChatHistoryQueryPropertiesTest {
    private static final Numerics N = new Numerics("irc.parley");

    @Property
    @Label("any parameters give a query with 1..max messages or a FAIL CHATHISTORY line that writes and parses back")
    void anyParameters(@ForAll("params") List<String> params, @ForAll("max") int max) throws IrcParseException {
        ChatHistoryQuery.Outcome o = ChatHistoryQuery.parse(new IrcMessage(null, null, "CHATHISTORY", params), max, N);
        if (o instanceof ChatHistoryQuery.Query q) {
            assertTrue(q.limit() >= 1 && q.limit() <= max, q.toString());
            assertTrue(IrcTargets.isChannel(q.target()), q.toString());
            assertTrue(q.ref() != null || q.subcommand().equals("LATEST"), q.toString());
            assertTrue((q.other() != null) == q.subcommand().equals("BETWEEN"), q.toString());
        } else {
            IrcMessage fail = ((ChatHistoryQuery.Refusal) o).reply();
            String line = IrcWriter.line(fail);
            IrcMessage back = IrcParser.forClients().parse(line.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("FAIL", back.command());
            assertEquals("CHATHISTORY", back.param(0));
        }
    }

    @Provide
    Arbitrary<Integer> max() {
        return Arbitraries.integers().between(1, 1000);
    }

    @Provide
    Arbitrary<List<String>> params() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("LATEST", "BEFORE", "AFTER", "latest", "TARGETS", "*", "#dev", "bob", "msgid=", "msgid=a1",
                        "timestamp=x", "timestamp=2026-11-30T18:02:03.004Z", "AROUND", "BETWEEN", "0", "1", "-1", "100", "99999999999", ""),
                Arbitraries.strings().ofMaxLength(70),
                Arbitraries.strings().withChars("#:=* 0123456789ab").ofMaxLength(12));
        return word.list().ofMaxSize(6);
    }
}
