package dev.parley.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** irc.*: the IRC port is off by default, the network name is checked, the port cannot be the chat port. */
class IrcConfigTest {

    @Test
    @DisplayName("defaults: no IRC port (IRC is detected on the chat port), network Parley, no MOTD")
    void defaults() {
        ParleyConfig.Irc irc = ParleyConfig.from(ConfigLoader.defaults()).irc();
        assertEquals(new ParleyConfig.Irc(0, "Parley", ""), irc);
    }

    @Test
    @DisplayName("a network name with a space, or the chat port as IRC port, stops the server naming the key")
    void refused() {
        JsonObject json = ConfigLoader.defaults();
        json.getJsonObject("irc").put("network", "my net");
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json)).getMessage().startsWith("irc.network:"));
        JsonObject same = ConfigLoader.defaults();
        same.getJsonObject("irc").put("port", same.getJsonObject("server").getInteger("port"));
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(same)).getMessage().startsWith("irc.port:"));
    }
}
