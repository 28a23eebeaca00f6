package dev.parley.e2e;

import dev.parley.ParleyServer;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Parley node for end-to-end tests: port 0 on loopback, its own data directory, the shipped
 * defaults plus test overrides (a cheap password KDF so suites stay fast).
 *
 * <p>Either started by hand ({@code try (TestServer s = TestServer.start(...))}) or registered as a JUnit
 * extension that starts it before and closes it after the tests:
 * {@code @RegisterExtension static final TestServer server = TestServer.perClass();} (one node for the class)
 * or {@code @RegisterExtension final TestServer server = TestServer.perTest();} (a fresh node for each test).
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback {
    private enum Lifecycle { MANUAL, PER_CLASS, PER_TEST }

    private final Lifecycle lifecycle;
    private final Map<String, Object> overrides;
    private Path dataDir;
    private ParleyServer server;
    private ExtensionContext startedBy;

    private TestServer(Lifecycle lifecycle, Path dataDir, Map<String, Object> overrides) {
        this.lifecycle = lifecycle;
        this.dataDir = dataDir;
        this.overrides = overrides;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param overrides dotted config keys, e.g. "limits.idleTimeoutSeconds" -> 1 */
    public static TestServer start(Map<String, Object> overrides) {
        TestServer s = new TestServer(Lifecycle.MANUAL, newDataDir(), overrides);
        s.startNode();
        return s;
    }

    /** A node started before the class's first test and closed after its last (a static extension field). */
    public static TestServer perClass() {
        return perClass(Map.of());
    }

    public static TestServer perClass(Map<String, Object> overrides) {
        return new TestServer(Lifecycle.PER_CLASS, null, overrides);
    }

    /** A fresh node (new data directory) for each test, closed after it. */
    public static TestServer perTest() {
        return perTest(Map.of());
    }

    public static TestServer perTest(Map<String, Object> overrides) {
        return new TestServer(Lifecycle.PER_TEST, null, overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // @Nested classes inherit the extension: the enclosing class's node serves them too.
        if (lifecycle == Lifecycle.PER_CLASS && startedBy == null) {
            startFresh();
            startedBy = context;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_CLASS && context == startedBy) {
            stop();
            startedBy = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_TEST) startFresh();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_TEST) stop();
    }

    private void startFresh() {
        dataDir = newDataDir();
        startNode();
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("parley-test");
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
        return server().port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public ParleyServer server() {
        if (server == null) throw new IllegalStateException("test server not running (registered as an extension?)");
        return server;
    }

    /** The node's ops (health, metrics, admin) HTTP port. */
    public int opsPort() {
        return server().opsPort();
    }

    public JsonClient json() {
        return JsonClient.connect(port());
    }

    public TextClient text() {
        return TextClient.connect(port());
    }

    /** Registers each user (password 123456) unless it exists, over a throwaway connection. */
    public void register(String... users) {
        try (JsonClient c = json()) {
            for (String u : users) c.registerIfNeeded(u, "123456");
        }
    }

    /** "OK" when {@code user} can log in with {@code password} on a fresh connection, else the error code. */
    public String loginOutcome(String user, String password) {
        try (JsonClient c = json()) {
            return Replies.outcome(c.request(JsonClient.op("login", "user", user, "password", password)));
        }
    }

    /** Registers and logs in a JSON client. */
    public JsonClient loggedIn(String user) {
        JsonClient c = json();
        c.registerAndLogin(user);
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
