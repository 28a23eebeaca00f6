package dev.parley.config;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ops.adminToken: off by default, set from the environment, refused when too short to be safe. */
class AdminTokenConfigTest {

    @Test
    @DisplayName("the admin token defaults to empty (admin API off) and comes from PARLEY_OPS_ADMIN_TOKEN")
    void defaultAndEnvironment() throws Exception {
        assertEquals("", ParleyConfig.from(ConfigLoader.defaults()).ops().adminToken());
        Vertx vertx = Vertx.vertx();
        try {
            ParleyConfig c = ConfigLoader.load(vertx, null, () -> Map.of("PARLEY_OPS_ADMIN_TOKEN", "0123456789abcdef-xyz"),
                    Map.of()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("0123456789abcdef-xyz", c.ops().adminToken());
        } finally {
            vertx.close();
        }
    }

    @Test
    @DisplayName("a token shorter than 16 characters stops the server with a message naming the key")
    void tooShort() {
        JsonObject json = ConfigLoader.defaults();
        json.getJsonObject("ops").put("adminToken", "secret");
        ConfigException e = assertThrows(ConfigException.class, () -> ParleyConfig.from(json));
        assertTrue(e.getMessage().startsWith("ops.adminToken: at least 16 characters"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "never echoes the token");
    }
}
