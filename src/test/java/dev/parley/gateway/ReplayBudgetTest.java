package dev.parley.gateway;

import dev.parley.store.StoredMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReplayBudgetTest {
    private static StoredMessage at(long seq, long ts) {
        return new StoredMessage("m" + ts, "bob", "Bob", null, "hi", ts, seq);
    }

    private static List<Long> seqs(ReplayBudget.Missed m) {
        return m.messages().stream().map(StoredMessage::seq).toList();
    }

    @Test
    @DisplayName("within the total nothing changes")
    void withinTotal() {
        List<ReplayBudget.Missed> rooms = List.of(new ReplayBudget.Missed("#a", "#A", List.of(at(1, 10)), 2));
        assertSame(rooms, ReplayBudget.bound(rooms, 1));
    }

    @Test
    @DisplayName("over the total the newest messages over all rooms are kept; each room's dropped ones are counted as skipped")
    void newestKept() {
        ReplayBudget.Missed a = new ReplayBudget.Missed("#a", "#A", List.of(at(1, 10), at(2, 30), at(3, 50)), 1);
        ReplayBudget.Missed b = new ReplayBudget.Missed("#b", "#B", List.of(at(7, 20), at(8, 40)), 0);
        List<ReplayBudget.Missed> out = ReplayBudget.bound(List.of(a, b), 3);
        assertEquals(List.of(2L, 3L), seqs(out.get(0)));
        assertEquals(2, out.get(0).skipped(), "1 before, 1 dropped here");
        assertEquals(List.of(8L), seqs(out.get(1)));
        assertEquals(1, out.get(1).skipped());
        assertEquals(3, out.get(0).newestSeq());
    }

    @Test
    @DisplayName("ties at the cut keep exactly the total, each room keeping its newest")
    void tiesAtTheCut() {
        ReplayBudget.Missed a = new ReplayBudget.Missed("#a", "#A", List.of(at(1, 10), at(2, 10)), 0);
        ReplayBudget.Missed b = new ReplayBudget.Missed("#b", "#B", List.of(at(5, 10)), 0);
        List<ReplayBudget.Missed> out = ReplayBudget.bound(List.of(a, b), 2);
        assertEquals(List.of(1L, 2L), seqs(out.get(0)));
        assertEquals(List.of(), seqs(out.get(1)));
        assertEquals(1, out.get(1).skipped());
        List<ReplayBudget.Missed> none = ReplayBudget.bound(List.of(a, b), 0);
        assertEquals(3, none.get(0).skipped() + none.get(1).skipped());
    }
}
