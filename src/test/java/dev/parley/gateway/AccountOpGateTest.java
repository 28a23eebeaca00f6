package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountOpGateTest {
    private final AccountOpGate gate = new AccountOpGate(2);
    private final List<String> started = new ArrayList<>();

    private void submit(String name) {
        gate.submit(() -> started.add(name));
    }

    @Test
    @DisplayName("at most max operations run; the others start in arrival order as earlier ones finish")
    void queuesInOrder() {
        for (String n : List.of("a", "b", "c", "d", "e")) submit(n);
        assertEquals(List.of("a", "b"), started);
        assertEquals(3, gate.waiting());
        gate.done();
        assertEquals(List.of("a", "b", "c"), started);
        gate.done();
        gate.done();
        assertEquals(List.of("a", "b", "c", "d", "e"), started);
        assertEquals(2, gate.running());
        gate.done();
        gate.done();
        assertEquals(0, gate.running());
        assertEquals(0, gate.waiting());
    }

    @Test
    @DisplayName("operations that finish at once (a closed connection) admit the next ones without recursion")
    void finishingAtOnce() {
        AccountOpGate one = new AccountOpGate(1);
        int[] ran = {0};
        for (int i = 0; i < 100_000; i++) {
            one.submit(() -> {
                ran[0]++;
                one.done();
            });
        }
        assertEquals(100_000, ran[0]);
        assertEquals(0, one.running());
    }

    @Test
    @DisplayName("a release without a running operation is a bug, reported at once")
    void unbalancedDone() {
        assertThrows(IllegalStateException.class, gate::done);
        assertThrows(IllegalArgumentException.class, () -> new AccountOpGate(0));
    }
}
