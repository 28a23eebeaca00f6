package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeCapacityTest {

    @Test
    @DisplayName("not ready in the last 5 % of limits.maxConnections, or of the open-file limit (at least 64 kept)")
    void limits() {
        assertTrue(new NodeCapacity(() -> 94, 100, () -> 100, () -> 20_000).check().startsWith("94 connections"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new NodeCapacity(() -> 95, 100, () -> 100, () -> 20_000).check()).getMessage().contains("connections 95"));
        assertThrows(IllegalStateException.class, () -> new NodeCapacity(() -> 5, 5, () -> 10, () -> 20_000).check());
        assertTrue(new NodeCapacity(() -> 4, 5, () -> 10, () -> 20_000).check().contains("4 connections"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new NodeCapacity(() -> 10, 100_000, () -> 19_000, () -> 20_000).check()).getMessage().contains("open files"));
        new NodeCapacity(() -> 10, 100_000, () -> 18_999, () -> 20_000).check();
        assertThrows(IllegalStateException.class, () -> new NodeCapacity(() -> 1, 10, () -> 960, () -> 1024).check());
        assertTrue(new NodeCapacity(() -> 1, 10, () -> -1, () -> -1).check().startsWith("1 connections"), "unknown file counts are skipped");
    }
}
