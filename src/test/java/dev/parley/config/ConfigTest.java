package dev.parley.config;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    @Test
    @DisplayName("the shipped defaults map to a valid config with the original port 8889")
    void defaults() {
        ParleyConfig c = ParleyConfig.from(ConfigLoader.defaults());
        assertEquals(8889, c.server().port());
        assertEquals(600_000, c.auth().pbkdf2Iterations());
        assertEquals(8192, c.limits().maxFrameBytes());
    }

    @Test
    @DisplayName("env names are PARLEY_SECTION_KEY in upper snake case, and only known keys are taken")
    void envOverrides() {
        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, Map.of("PARLEY_LIMITS_MAX_FRAME_BYTES", "4096", "PARLEY_SERVER_PORT", "9000",
                "PARLEY_LIMITS_NO_SUCH_KEY", "1"));
        ParleyConfig c = ParleyConfig.from(json);
        assertEquals(4096, c.limits().maxFrameBytes());
        assertEquals(9000, c.server().port());
        assertEquals("PARLEY_AUTH_PBKDF2_ITERATIONS", EnvOverrides.envName("auth", "pbkdf2Iterations"));
    }

    @Test
    @DisplayName("mailbox quotas: 1 MiB and 100 per sender by default; a byte quota below one large message is refused")
    void mailboxQuotas() {
        ParleyConfig c = ParleyConfig.from(ConfigLoader.defaults());
        assertEquals(1L << 20, c.mailbox().maxBytesPerUser());
        assertEquals(100, c.mailbox().maxMessagesPerSender());
        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, Map.of("PARLEY_MAILBOX_MAX_BYTES_PER_USER", "1000"));
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json)).getMessage()
                .startsWith("mailbox.maxBytesPerUser: must be between 65536"));
        JsonObject json2 = ConfigLoader.defaults();
        EnvOverrides.apply(json2, Map.of("PARLEY_MAILBOX_MAX_MESSAGES_PER_SENDER", "0"));
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json2)).getMessage()
                .startsWith("mailbox.maxMessagesPerSender:"));
    }

    @Test
    @DisplayName("an invalid value fails with a message naming the key")
    void invalid() {
        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, Map.of("PARLEY_SERVER_PORT", "eighty"));
        ConfigException e = assertThrows(ConfigException.class, () -> ParleyConfig.from(json));
        assertTrue(e.getMessage().startsWith("server.port:"), e.getMessage());

        JsonObject json2 = ConfigLoader.defaults();
        json2.getJsonObject("limits").put("maxFrameBytes", 10);
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json2)).getMessage()
                .contains("limits.maxFrameBytes: must be between"));
    }

    @Test
    @DisplayName("the account limits are typed and checked, with messages naming the key")
    void authLimits() {
        ParleyConfig.Auth a = ParleyConfig.from(ConfigLoader.defaults()).auth();
        assertEquals(5, a.loginAttemptsPerUserAddress());
        assertEquals(20, a.loginAttemptsPerAddress());
        assertEquals(10, a.registrationsPerAddressPerHour());
        assertEquals(60, a.registrationsPerMinute());
        assertEquals(50, a.hashQueueRegistrations());

        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, Map.of("PARLEY_AUTH_LOGIN_ATTEMPTS_PER_USER_ADDRESS", "50"));
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json)).getMessage()
                .startsWith("auth.loginAttemptsPerUserAddress: must not exceed auth.loginAttemptsPerAddress"));
        JsonObject json2 = ConfigLoader.defaults();
        json2.getJsonObject("auth").put("loginSlowdownMaxMs", 30_000);
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json2)).getMessage()
                .startsWith("auth.loginSlowdownMaxMs: must be between"));
        JsonObject json3 = ConfigLoader.defaults();
        json3.getJsonObject("auth").put("hashQueueRegistrations", 0);
        assertTrue(assertThrows(ConfigException.class, () -> ParleyConfig.from(json3)).getMessage()
                .startsWith("auth.hashQueueRegistrations:"));
    }

    @Test
    @DisplayName("file < env < flags: the last source wins")
    void order() throws Exception {
        Path file = Files.createTempFile("parley", ".yaml");
        Files.writeString(file, "server:\n  port: 7000\nlimits:\n  whoListMax: 5\n  rateBurst: 9\n");
        Vertx vertx = Vertx.vertx();
        try {
            ParleyConfig c = ConfigLoader.load(vertx, file, () -> Map.of("PARLEY_LIMITS_WHO_LIST_MAX", "6", "PARLEY_SERVER_PORT", "7001"),
                    Map.of("server.port", "7002")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(7002, c.server().port());
            assertEquals(6, c.limits().whoListMax());
            assertEquals(9, c.limits().rateBurst());
            assertEquals(8192, c.limits().maxFrameBytes(), "untouched keys keep their defaults");
        } finally {
            vertx.close();
        }
    }

    @Test
    @DisplayName("an unreadable config file is a clear error")
    void missingFile() {
        Vertx vertx = Vertx.vertx();
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> ConfigLoader.load(vertx,
                    Path.of("/nonexistent/parley.yaml"), Map::of, Map.of()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("--config: cannot read"), e.getCause().getMessage());
        } finally {
            vertx.close();
        }
    }

    @Test
    @DisplayName("TLS is off by default: the TLS port listens only once a certificate is configured")
    void tlsOffByDefault() {
        ParleyConfig c = ParleyConfig.from(ConfigLoader.defaults());
        assertEquals(8890, c.server().tlsPort());
        assertTrue(!c.server().tlsEnabled());
        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, Map.of("PARLEY_SERVER_TLS_CERT", "/etc/parley/tls.crt", "PARLEY_SERVER_TLS_KEY", "/etc/parley/tls.key"));
        ParleyConfig on = ParleyConfig.from(json);
        assertTrue(on.server().tlsEnabled());
        assertEquals("/etc/parley/tls.key", on.server().tlsKey());
    }

    @Test
    @DisplayName("TLS misconfiguration fails with a message naming the key")
    void tlsMisconfigured() {
        assertEquals("server.tlsKey", failingKey(Map.of("PARLEY_SERVER_TLS_CERT", "/c.pem")));
        assertEquals("server.tlsCert", failingKey(Map.of("PARLEY_SERVER_TLS_KEY", "/k.pem")));
        assertEquals("server.tlsPort", failingKey(Map.of("PARLEY_SERVER_TLS_CERT", "/c.pem", "PARLEY_SERVER_TLS_KEY", "/k.pem",
                "PARLEY_SERVER_TLS_PORT", "8889")));
        assertEquals("ops.tls", failingKey(Map.of("PARLEY_OPS_TLS", "true")));
        assertEquals("ops.port", failingKey(Map.of("PARLEY_SERVER_TLS_CERT", "/c.pem", "PARLEY_SERVER_TLS_KEY", "/k.pem",
                "PARLEY_OPS_PORT", "8890")));
        assertEquals("server.tlsReloadSeconds", failingKey(Map.of("PARLEY_SERVER_TLS_RELOAD_SECONDS", "-1")));
    }

    private static String failingKey(Map<String, String> env) {
        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, env);
        String message = assertThrows(ConfigException.class, () -> ParleyConfig.from(json)).getMessage();
        return message.substring(0, message.indexOf(':'));
    }

    private static JsonObject cluster(Map<String, String> env) {
        JsonObject json = ConfigLoader.defaults();
        EnvOverrides.apply(json, Map.of("PARLEY_CLUSTER_ENABLED", "true", "PARLEY_CLUSTER_REDIS", "redis://127.0.0.1:6390"));
        EnvOverrides.apply(json, env);
        return json;
    }

    @Test
    @DisplayName("cluster mode without the event bus's TLS material refuses to start, naming the keys, flags and bin/parley-certs")
    void clusterRequiresTls() {
        ConfigException e = assertThrows(ConfigException.class, () -> ParleyConfig.from(cluster(Map.of())));
        assertTrue(e.getMessage().startsWith("cluster.tlsCert:"), e.getMessage());
        for (String s : new String[]{"cluster.tlsKey", "cluster.tlsCa", "--cluster-tls-cert", "bin/parley-certs",
                "cluster.insecure", "--cluster-insecure"}) {
            assertTrue(e.getMessage().contains(s), s + " in " + e.getMessage());
        }
        ConfigException noCa = assertThrows(ConfigException.class, () -> ParleyConfig.from(cluster(Map.of(
                "PARLEY_CLUSTER_TLS_CERT", "n.pem", "PARLEY_CLUSTER_TLS_KEY", "k.pem"))));
        assertTrue(noCa.getMessage().startsWith("cluster.tlsCa:"), noCa.getMessage());

        ParleyConfig.Cluster tls = ParleyConfig.from(cluster(Map.of("PARLEY_CLUSTER_TLS_CERT", "n.pem",
                "PARLEY_CLUSTER_TLS_KEY", "k.pem", "PARLEY_CLUSTER_TLS_CA", "ca.pem"))).cluster();
        assertTrue(tls.tls());
        ParleyConfig.Cluster insecure = ParleyConfig.from(cluster(Map.of("PARLEY_CLUSTER_INSECURE", "true"))).cluster();
        assertFalse(insecure.tls(), "the explicit opt-out");
        assertFalse(ParleyConfig.from(ConfigLoader.defaults()).cluster().enabled(), "a single node needs no certificates");
    }
}
