package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ChatHistoryQueryTest {
    private static final Numerics N = new Numerics("irc.parley");

    private static ChatHistoryQuery.Outcome parse(String line) {
        try {
            return ChatHistoryQuery.parse(IrcParser.forClients().parse(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 100, N);
        } catch (IrcParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String refusal(String line) {
        return IrcWriter.line(assertInstanceOf(ChatHistoryQuery.Refusal.class, parse(line)).reply()).strip();
    }

    private static ChatHistoryQuery.Ref id(String id) {
        return new ChatHistoryQuery.Ref(id, 0);
    }

    @Test
    @DisplayName("every subcommand but TARGETS reads into a query, with msgid= or timestamp= references")
    void queries() {
        assertEquals(new ChatHistoryQuery.Query("LATEST", "#dev", null, null, 20), parse("CHATHISTORY LATEST #dev * 20"));
        assertEquals(new ChatHistoryQuery.Query("LATEST", "#dev", id("m7"), null, 5), parse("CHATHISTORY latest #dev msgid=m7 5"));
        assertEquals(new ChatHistoryQuery.Query("BEFORE", "#Dev", id("m7"), null, 50), parse("CHATHISTORY BEFORE #Dev msgid=m7 50"));
        assertEquals(new ChatHistoryQuery.Query("AFTER", "#dev", new ChatHistoryQuery.Ref(null, 1796061723004L), null, 3),
                parse("CHATHISTORY AFTER #dev timestamp=2026-11-30T18:02:03.004Z 3"));
        assertEquals(new ChatHistoryQuery.Query("AROUND", "#dev", id("x"), null, 9), parse("CHATHISTORY AROUND #dev msgid=x 9"));
        assertEquals(new ChatHistoryQuery.Query("BETWEEN", "#dev", id("a"), new ChatHistoryQuery.Ref(null, 0), 4),
                parse("CHATHISTORY BETWEEN #dev msgid=a timestamp=1970-01-01T00:00:00Z 4"));
    }

    @Test
    @DisplayName("a limit over CHATHISTORY= is capped to it, however large")
    void capped() {
        assertEquals(100, ((ChatHistoryQuery.Query) parse("CHATHISTORY LATEST #dev * 101")).limit());
        assertEquals(100, ((ChatHistoryQuery.Query) parse("CHATHISTORY LATEST #dev * 99999999999999999999")).limit());
    }

    @Test
    @DisplayName("bad parameters get the spec's FAIL CHATHISTORY codes")
    void refusals() {
        assertEquals(":irc.parley FAIL CHATHISTORY NEED_MORE_PARAMS * :Insufficient parameters", refusal("CHATHISTORY"));
        assertEquals(":irc.parley FAIL CHATHISTORY NEED_MORE_PARAMS LATEST :Insufficient parameters",
                refusal("CHATHISTORY LATEST #dev *"));
        assertEquals(":irc.parley FAIL CHATHISTORY NEED_MORE_PARAMS BETWEEN :Insufficient parameters",
                refusal("CHATHISTORY BETWEEN #dev msgid=a msgid=b"));
        assertEquals(":irc.parley FAIL CHATHISTORY UNKNOWN_COMMAND FOO :Unknown command", refusal("CHATHISTORY foo #dev * 1"));
        assertEquals(":irc.parley FAIL CHATHISTORY UNKNOWN_COMMAND * :Unknown command", refusal("CHATHISTORY :a b"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS TARGETS :TARGETS is not supported: ask each channel",
                refusal("CHATHISTORY TARGETS timestamp=2026-01-01T00:00:00Z timestamp=2026-01-02T00:00:00Z 10"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_TARGET LATEST bob :History is kept for channels only",
                refusal("CHATHISTORY LATEST bob * 10"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS BEFORE :Messages are referenced by msgid=<id> or timestamp=<time>",
                refusal("CHATHISTORY BEFORE #dev * 10"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS LATEST :Messages are referenced by msgid=<id> or timestamp=<time> or *",
                refusal("CHATHISTORY LATEST #dev timestamp=yesterday 10"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS BEFORE :Messages are referenced by msgid=<id> or timestamp=<time>",
                refusal("CHATHISTORY BEFORE #dev msgid= 10"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS BETWEEN :Messages are referenced by msgid=<id> or timestamp=<time>",
                refusal("CHATHISTORY BETWEEN #dev msgid=a * 10"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS LATEST :The limit is a positive number",
                refusal("CHATHISTORY LATEST #dev * 0"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS LATEST :The limit is a positive number",
                refusal("CHATHISTORY LATEST #dev * -3"));
        assertEquals(":irc.parley FAIL CHATHISTORY INVALID_PARAMS LATEST :The limit is a positive number",
                refusal("CHATHISTORY LATEST #dev * ten"));
    }
}
