package dev.parley.e2e;

import dev.parley.ParleyServer;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Parley node for end-to-end tests: port 0 on loopback, its own data directory, the shipped
 * defaults plus test overrides (a cheap password KDF so suites stay fast).
 */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private final Map<String, Object> overrides;
    private ParleyServer server;

    private TestServer(Path dataDir, Map<String, Object> overrides) {
        this.dataDir = dataDir;
        this.overrides = overrides;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param overrides dotted config keys, e.g. "limits.idleTimeoutSeconds" -> 1 */
    public static TestServer start(Map<String, Object> overrides) {
        try {
            TestServer s = new TestServer(Files.createTempDirectory("parley-test"), overrides);
            s.startNode();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ParleyConfig config(Path dataDir, Map<String, Object> overrides) {
        JsonObject json = ConfigLoader.defaults();
        put(json, "server.host", "127.0.0.1");
        put(json, "server.port", 0);
        put(json, "store.dataDir", dataDir.toString());
        put(json, "auth.pbkdf2Iterations", 1000);
        // Every test user connects from 127.0.0.1: the per-address limits would count them as one client.
        // Tests of those limits set them back explicitly.
        put(json, "auth.registrationsPerAddressPerHour", 1_000_000);
        put(json, "auth.registrationsPerMinute", 1_000_000);
        put(json, "auth.loginAttemptsPerAddress", 1_000_000);
        put(json, "auth.hashQueueRegistrations", 100_000);
        put(json, "auth.hashQueueLogins", 100_000);
        put(json, "ops.port", 0);
        // Every test client connects from loopback: exempt it from the per-address cap, as benchmarks do.
        put(json, "limits.exemptAddresses", "127.0.0.1");
        overrides.forEach((k, v) -> put(json, k, v));
        return ParleyConfig.from(json);
    }

    private void startNode() {
        server = await(ParleyServer.start(config(dataDir, overrides)).toCompletionStage().toCompletableFuture());
    }

    /** Stops gracefully and starts again on the same data directory. */
    public void restart() {
        stop();
        startNode();
    }

    public void stop() {
        if (server != null) {
            await(server.close().toCompletionStage().toCompletableFuture());
            server = null;
        }
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public ParleyServer server() {
        return server;
    }

    public JsonClient json() {
        return JsonClient.connect(port());
    }

    public TextClient text() {
        return TextClient.connect(port());
    }

    /** Registers and logs in a JSON client. */
    public JsonClient loggedIn(String user) {
        JsonClient c = json();
        c.registerIfNeeded(user, "123456");
        c.login(user, "123456");
        return c;
    }

    @Override
    public void close() {
        stop();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JsonObject json, String path, Object value) {
        String[] parts = path.split("\\.");
        JsonObject cur = json;
        for (int i = 0; i < parts.length - 1; i++) cur = cur.getJsonObject(parts[i]);
        cur.put(parts[parts.length - 1], value);
    }
}
