package dev.parley.gateway;

import dev.parley.config.AddressSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionLimiterTest {

    @Test
    @DisplayName("an exempt address is not capped per address but still counts towards the node total")
    void exempt() {
        ConnectionLimiter l = new ConnectionLimiter(10, 2, AddressSet.parse("10.0.0.0/8"));
        for (int i = 0; i < 5; i++) assertTrue(l.tryAcquire("10.0.0.9"));
        assertTrue(l.tryAcquire("192.0.2.1"));
        assertTrue(l.tryAcquire("192.0.2.1"));
        assertFalse(l.tryAcquire("192.0.2.1"), "a third from a capped address");
        assertEquals(7, l.total());
        for (int i = 0; i < 3; i++) assertTrue(l.tryAcquire("10.0.0.9"));
        assertFalse(l.tryAcquire("10.0.0.9"), "the node total still applies");
        l.release("10.0.0.9");
        l.release("192.0.2.1");
        assertTrue(l.tryAcquire("192.0.2.1"));
        assertEquals(9, l.total());
    }

    @Test
    @DisplayName("IPv6 addresses are capped per /64: one host can pick any address of its prefix")
    void ipv6PerPrefix() {
        ConnectionLimiter l = new ConnectionLimiter(100, 2, AddressSet.parse(""));
        assertTrue(l.tryAcquire("2001:db8:1:2::1"));
        assertTrue(l.tryAcquire("2001:db8:1:2:ffff::7"));
        assertFalse(l.tryAcquire("2001:db8:1:2:abcd::9"));
        assertTrue(l.tryAcquire("2001:db8:1:3::1"), "another /64");
        assertEquals(ConnectionLimiter.key("2001:db8:1:2::1"), ConnectionLimiter.key("2001:0db8:0001:0002:0:0:0:5"));
        assertEquals("127.0.0.1", ConnectionLimiter.key("127.0.0.1"));
    }
}
