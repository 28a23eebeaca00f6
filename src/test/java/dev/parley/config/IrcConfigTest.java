package dev.parley.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** irc.*: the IRC ports are off by default, the network name is checked, the ports cannot be another listener's. */
class IrcConfigTest {

    @Test
    @DisplayName("defaults: no IRC port, no IRC TLS port (IRC is detected on the chat port), network Parley, no MOTD")
    void defaults() {
        ParleyConfig.Irc irc = ParleyConfig.from(ConfigLoader.defaults()).irc();
        assertEquals(new ParleyConfig.Irc(0, 0, "Parley", ""), irc);
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

    @Test
    @DisplayName("an IRC TLS port without a certificate, or on another listener's port, stops the server naming the key")
    void tlsPortRefused() {
        JsonObject noCert = ConfigLoader.defaults();
        noCert.getJsonObject("irc").put("tlsPort", 6697);
        String message = assertThrows(ConfigException.class, () -> ParleyConfig.from(noCert)).getMessage();
        assertTrue(message.startsWith("irc.tlsPort: needs a certificate (server.tlsCert"), message);
        for (String clash : new String[] {"server.port", "server.tlsPort", "irc.port"}) {
            JsonObject json = withCert(ConfigLoader.defaults());
            String[] key = clash.split("\\.");
            json.getJsonObject(key[0]).put(key[1], 7000);
            json.getJsonObject("irc").put("tlsPort", 7000);
            String m = assertThrows(ConfigException.class, () -> ParleyConfig.from(json), clash).getMessage();
            assertEquals("irc.tlsPort: must differ from " + clash + " (7000)", m);
        }
        JsonObject fine = withCert(ConfigLoader.defaults());
        fine.getJsonObject("irc").put("tlsPort", 6697);
        assertEquals(6697, ParleyConfig.from(fine).irc().tlsPort());
    }

    /** Certificate paths are only named by the configuration; the files are read when the node starts. */
    private static JsonObject withCert(JsonObject json) {
        json.getJsonObject("server").put("tlsCert", "/nonexistent/node.pem").put("tlsKey", "/nonexistent/node-key.pem");
        return json;
    }
}
