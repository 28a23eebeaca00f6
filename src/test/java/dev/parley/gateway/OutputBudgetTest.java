package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputBudgetTest {

    @Test
    @DisplayName("the budget applied is the configured one, but at most a quarter of the JVM's direct memory")
    void effective() {
        assertEquals(256L << 20, OutputBudget.effective(256L << 20, 2048L << 20));
        assertEquals(64L << 20, OutputBudget.effective(256L << 20, 256L << 20));
        assertEquals(256L << 20, OutputBudget.effective(256L << 20, -1), "unknown direct memory: as configured");
    }

    @Test
    @DisplayName("over the budget once pending output exceeds it; shedding aims 10 % under it; the high water stays")
    void accounting() {
        OutputBudget b = new OutputBudget(1000);
        b.add(600);
        b.add(400);
        assertFalse(b.over());
        b.add(1);
        assertTrue(b.over());
        assertEquals(900, b.target());
        assertTrue(b.canHold(249), "allocation stops 25 % over the budget");
        assertFalse(b.canHold(250));
        b.release(1001);
        assertEquals(0, b.pending());
        assertEquals(1001, b.highWater());
    }
}
