package dev.parley.cluster;

/**
 * A public face of {@link ClusterHarness} for tests in other packages (the bench smoke test): a
 * redis-server on a free loopback port and N Parley node JVMs with a random cluster name.
 */
public final class TestCluster implements AutoCloseable {
    private final ClusterHarness harness;

    private TestCluster(ClusterHarness harness) {
        this.harness = harness;
    }

    public static TestCluster start(int nodes) throws InterruptedException {
        return new TestCluster(ClusterHarness.start(nodes));
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
