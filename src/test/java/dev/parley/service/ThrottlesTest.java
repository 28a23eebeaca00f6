package dev.parley.service;

import dev.parley.service.auth.PasswordHasher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottlesTest {

    @Test
    @DisplayName("password hashes are salted, self-describing, and verify only the right password")
    void hasher() {
        PasswordHasher h = new PasswordHasher(1000);
        String a = h.hash("123456");
        String b = h.hash("123456");
        assertNotEquals(a, b, "salted");
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"), a);
        assertTrue(h.verify("123456", a));
        assertFalse(h.verify("1234567", a));
        assertFalse(h.verify("123456", null), "unknown users never verify");
        PasswordHasher stronger = new PasswordHasher(2000);
        assertTrue(stronger.verify("123456", a), "old hashes keep their own cost after it is raised");
        assertEquals(600_000, Integer.parseInt(new PasswordHasher(600_000).hash("x").split("\\$")[1]));
    }

    @Test
    @DisplayName("a per-key queue runs one key's tasks in order, even when the first completes last")
    void perKeyQueue() {
        PerKeyQueue q = new PerKeyQueue();
        io.vertx.core.Promise<Void> first = io.vertx.core.Promise.promise();
        StringBuilder order = new StringBuilder();
        q.submit("a", () -> first.future().onSuccess(v -> order.append("1")));
        q.submit("a", () -> {
            order.append("2");
            return io.vertx.core.Future.succeededFuture();
        });
        q.submit("b", () -> {
            order.append("b");
            return io.vertx.core.Future.succeededFuture();
        });
        assertEquals("b", order.toString(), "b is not held up by a");
        first.complete();
        assertEquals("b12", order.toString());
    }
}
