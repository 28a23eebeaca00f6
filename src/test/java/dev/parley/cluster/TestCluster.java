package dev.parley.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A public face of {@link ClusterHarness} for tests in other packages (the bench smoke test): a
 * redis-server on a free loopback port and N Parley node JVMs with a random cluster name. Started by hand
 * ({@link #start}) or for one test class: {@code @RegisterExtension static final TestCluster cluster = TestCluster.perClass(2);}.
 */
public final class TestCluster implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final ClusterHarness harness;

    private TestCluster(ClusterHarness harness) {
        this.harness = harness;
    }

    public static TestCluster start(int nodes) throws InterruptedException {
        return new TestCluster(ClusterHarness.start(nodes));
    }

    public static TestCluster perClass(int nodes) {
        return new TestCluster(ClusterHarness.perClass(nodes));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        harness.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        harness.afterAll(context);
    }

    /** The chat port of node i. */
    public int port(int i) {
        return harness.port(i);
    }

    public int opsPort(int i) {
        return harness.opsPort(i);
    }

    @Override
    public void close() {
        harness.close();
    }
}
