package dev.parley.logging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactedTest {
    record Cluster(String redis, String redisPassword, String adminToken, String emptySecret) {
    }

    record Config(int port, Cluster cluster) {
    }

    @Test
    @DisplayName("configuration is described key by key, with passwords, tokens and secrets hidden (empty ones shown empty)")
    void hidesSecrets() {
        String line = Redacted.describe(new Config(8889, new Cluster("redis://r:6379", "hunter2", "t0k3n", "")));
        assertEquals("port=8889 cluster.redis=redis://r:6379 cluster.redisPassword=*** cluster.adminToken=*** cluster.emptySecret=", line);
    }

    record Rooms(@dev.parley.config.ConfigKey("default") String defaultRoom, int perUser) {
    }

    @Test
    @DisplayName("a component named apart from its key (a Java keyword) is logged under the key an operator writes")
    void namesTheConfigKey() {
        assertEquals("default=#lobby perUser=3",
                Redacted.describe(new Rooms("#lobby", 3)));
    }
}
