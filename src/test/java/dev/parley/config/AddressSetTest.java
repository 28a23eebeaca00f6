package dev.parley.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressSetTest {

    @Test
    @DisplayName("single addresses and CIDR blocks, IPv4 and IPv6, match exactly what they cover")
    void matches() {
        AddressSet s = AddressSet.parse(" 127.0.0.1, 10.1.0.0/16 ,192.168.7.128/25, ::1, 2001:db8::/32");
        assertTrue(s.contains("127.0.0.1"));
        assertFalse(s.contains("127.0.0.2"));
        assertTrue(s.contains("10.1.255.3"));
        assertFalse(s.contains("10.2.0.1"));
        assertTrue(s.contains("192.168.7.200"));
        assertFalse(s.contains("192.168.7.127"));
        assertTrue(s.contains("0:0:0:0:0:0:0:1"));
        assertTrue(s.contains("2001:db8:ffff::9"));
        assertFalse(s.contains("2001:db9::1"));
        assertFalse(s.contains("not-an-address"));
        assertTrue(AddressSet.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertTrue(AddressSet.parse("").isEmpty());
        assertFalse(AddressSet.parse("").contains("127.0.0.1"));
    }

    @Test
    @DisplayName("host names (which would need DNS), bad octets and bad prefixes are rejected with the entry named")
    void rejects() {
        for (String bad : new String[] {"localhost", "256.1.1.1", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "1.2.3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressSet.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad.split("/")[0]), e.getMessage());
        }
    }

    @Test
    @DisplayName("a bad limits.exemptAddresses stops the configuration with a message naming the key")
    void configKey() {
        var json = ConfigLoader.defaults();
        json.getJsonObject("limits").put("exemptAddresses", "127.0.0.1,localhost");
        ConfigException e = assertThrows(ConfigException.class, () -> ParleyConfig.from(json));
        assertTrue(e.getMessage().startsWith("limits.exemptAddresses:"), e.getMessage());
    }

    @Test
    @DisplayName("the shipped per-address cap is production-sized (low hundreds at most) and nothing is exempt")
    void shippedDefaults() {
        ParleyConfig.Limits l = ParleyConfig.from(ConfigLoader.defaults()).limits();
        assertTrue(l.maxConnectionsPerAddress() <= 200, "maxConnectionsPerAddress " + l.maxConnectionsPerAddress());
        assertTrue(l.exemptAddresses().isEmpty());
        assertTrue(l.loginTimeoutSeconds() <= 60, "loginTimeoutSeconds " + l.loginTimeoutSeconds());
        assertTrue(l.slowConsumerBytes() <= 512 * 1024, "slowConsumerBytes " + l.slowConsumerBytes());
        assertTrue(l.maxPendingOutputBytes() <= 512L << 20, "maxPendingOutputBytes " + l.maxPendingOutputBytes());
    }
}
