package dev.parley.chaos;

import dev.parley.e2e.JsonClient;

/** Creates the run's accounts once, before the load: the simulated users and one observer per node. */
final class Registration {
    private Registration() {
    }

    static String userName(int i) {
        return String.format("u%02d", i);
    }

    static void registerAll(ChaosCluster cluster, int users, int nodes) {
        try (JsonClient c = JsonClient.connect(cluster.port(0))) {
            for (int i = 0; i < users; i++) c.registerIfNeeded(userName(i), Population.PASSWORD);
            for (int i = 0; i < nodes; i++) c.registerIfNeeded(PresenceProbe.observerName(i), Population.PASSWORD);
        }
    }
}
