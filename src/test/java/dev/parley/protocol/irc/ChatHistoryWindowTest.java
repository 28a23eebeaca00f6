package dev.parley.protocol.irc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The answer to each CHATHISTORY query over a room of messages m0..m9 (m_i said at second 10 * i), and the same answer
 * whether the room's history is read whole or backwards page by page until the window can answer.
 */
class ChatHistoryWindowTest {
    private static List<ChatHistoryWindow.Entry> room(int n) {
        List<ChatHistoryWindow.Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ChatHistoryWindow.Entry("m" + i, 10_000L * i));
        return out;
    }

    private static ChatHistoryQuery.Ref id(int i) {
        return new ChatHistoryQuery.Ref("m" + i, 0);
    }

    private static ChatHistoryQuery.Ref at(long ms) {
        return new ChatHistoryQuery.Ref(null, ms);
    }

    /** The ids answering {@code q} over the whole room. */
    private static List<String> answer(String sub, ChatHistoryQuery.Ref ref, ChatHistoryQuery.Ref other, int limit) {
        List<ChatHistoryWindow.Entry> all = room(10);
        ChatHistoryWindow.Slice s = (ChatHistoryWindow.Slice) ChatHistoryWindow.select(
                new ChatHistoryQuery.Query(sub, "#r", ref, other, limit), all, true);
        return all.subList(s.from(), s.to()).stream().map(ChatHistoryWindow.Entry::id).toList();
    }

    @Test
    @DisplayName("LATEST, BEFORE, AFTER, AROUND and BETWEEN pick the spec's messages, oldest first")
    void answers() {
        assertEquals(List.of("m7", "m8", "m9"), answer("LATEST", null, null, 3));
        assertEquals(List.of("m8", "m9"), answer("LATEST", id(7), null, 5));
        assertEquals(List.of("m7", "m8", "m9"), answer("LATEST", at(65_000), null, 5));
        assertEquals(List.of("m2", "m3", "m4"), answer("BEFORE", id(5), null, 3));
        assertEquals(List.of("m3", "m4"), answer("BEFORE", at(50_000), null, 2));
        assertEquals(List.of("m0", "m1"), answer("BEFORE", id(2), null, 10));
        assertEquals(List.of("m6", "m7", "m8"), answer("AFTER", id(5), null, 3));
        assertEquals(List.of("m5", "m6"), answer("AFTER", at(45_000), null, 2));
        assertEquals(List.of("m3", "m4", "m5", "m6", "m7"), answer("AROUND", id(5), null, 5));
        assertEquals(List.of("m0", "m1", "m2"), answer("AROUND", id(0), null, 3));
        assertEquals(List.of("m3", "m4", "m5"), answer("BETWEEN", id(2), id(8), 3));
        assertEquals(List.of("m5", "m6", "m7"), answer("BETWEEN", id(8), id(2), 3));
        assertEquals(List.of("m3", "m4"), answer("BETWEEN", at(25_000), at(50_000), 10));
        assertEquals(List.of(), answer("BETWEEN", id(4), id(5), 10));
        assertEquals(List.of(), answer("AFTER", id(42), null, 3), "an unknown msgid: nothing");
        assertEquals(List.of(), answer("BEFORE", id(42), null, 3));
        assertEquals(List.of("m8", "m9"), answer("LATEST", id(42), null, 2), "LATEST after an unknown msgid: the newest");
    }

    @Property
    @Label("reading back page by page gives the answer of the whole history, and stops once it is known")
    void pagedEqualsWhole(@ForAll("queries") ChatHistoryQuery.Query q, @ForAll("sizes") int n, @ForAll("sizes") int page) {
        List<ChatHistoryWindow.Entry> all = room(n);
        ChatHistoryWindow.Slice whole = (ChatHistoryWindow.Slice) ChatHistoryWindow.select(q, all, true);
        List<String> expected = all.subList(whole.from(), whole.to()).stream().map(ChatHistoryWindow.Entry::id).toList();
        int size = Math.max(1, page);
        for (int read = Math.min(size, n); ; read = Math.min(read + size, n)) {
            List<ChatHistoryWindow.Entry> window = all.subList(n - read, n);
            ChatHistoryWindow.Selection sel = ChatHistoryWindow.select(q, window, read == n);
            if (sel instanceof ChatHistoryWindow.Slice s) {
                assertEquals(expected, window.subList(s.from(), s.to()).stream().map(ChatHistoryWindow.Entry::id).toList(),
                        q + " over " + n + " messages read " + read);
                return;
            }
        }
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(0, 30);
    }

    @Provide
    Arbitrary<ChatHistoryQuery.Query> queries() {
        Arbitrary<ChatHistoryQuery.Ref> ref = Arbitraries.oneOf(
                Arbitraries.integers().between(-1, 32).map(i -> new ChatHistoryQuery.Ref("m" + i, 0)),
                Arbitraries.longs().between(-10_000, 320_000).map(ms -> new ChatHistoryQuery.Ref(null, ms)));
        Arbitrary<String> sub = Arbitraries.of("LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN");
        return Combinators.combine(sub, ref, ref, Arbitraries.integers().between(1, 12), Arbitraries.of(true, false))
                .as((s, r1, r2, limit, star) -> new ChatHistoryQuery.Query(s, "#r",
                        s.equals("LATEST") && star ? null : r1, s.equals("BETWEEN") ? r2 : null, limit));
    }
}
